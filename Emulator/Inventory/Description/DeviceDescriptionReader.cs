using System.Net;
using VirtualFirewall.Engine.Configuration;
using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Emulator.Inventory.Description;

/// <summary>
/// Reads a device description (YAML) into a <see cref="DeviceDescription"/>. Anything it does not
/// know, and any value of the wrong kind, is a <see cref="DescriptionException"/> naming the file,
/// line and column: the emulator refuses to start rather than guess.
/// </summary>
public static class DeviceDescriptionReader
{
    /// <summary>The keys each section accepts, by section path (`` for the top level); the JSON Schema lists the same.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Keys { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [""] = ["identity", "users", "interfaces", "zones", "configuration", "sessions", "traffic", "clock", "cli"],
        ["identity"] = ["hostname", "model", "serial", "sw-version", "ha-state", "ip-address", "netmask", "default-gateway", "mac-address", "timezone"],
        ["users"] = ["name", "password", "public-keys"],
        ["interfaces"] = ["name", "zone", "ip"],
        ["configuration"] = ["base", "set", "xml-file"],
        ["sessions"] = ["id", "from", "to", "source", "source-port", "destination", "destination-port", "protocol", "application", "rule", "action", "nat-source", "nat-source-port", "nat-destination", "nat-destination-port", "nat-rule", "ingress-interface", "egress-interface", "source-user", "destination-user", "established", "log-at-end", "timeout", "open-at", "traffic", "end", "pbf-rule", "traverses-tunnel", "terminated-on-host"],
        ["sessions.traffic"] = ["at", "bytes-c2s", "bytes-s2c", "packets-c2s", "packets-s2c"],
        ["sessions.end"] = ["at", "stage"],
        ["traffic"] = ["profile", "seed", "sessions-per-minute", "resident-sessions"],
        ["clock"] = ["mode", "start", "uptime"],
        ["cli"] = ["repaint", "login-banner", "acknowledge-banner"],
    };

    /// <summary>The HA states PAN-OS shows in a prompt (panos-cli-reference.md §2.1).</summary>
    public static IReadOnlyList<string> HaStates { get; } = ["active", "passive", "active-primary", "active-secondary", "initial", "non-functional", "tentative", "suspended"];

    public static DeviceDescription ReadFile(string path) => Read(YamlSection.LoadFile(path, "a description"), path);

    /// <summary>Reads <paramref name="text"/>; <paramref name="file"/> names it in messages and anchors relative paths.</summary>
    public static DeviceDescription Read(string text, string? file)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(YamlSection.Load(text, file ?? "<embedded default>", "a description"), file);
    }

    private static DeviceDescription Read(YamlSection root, string? file)
    {
        root.OnlyKeys(Keys[""]);
        return new DeviceDescription
        {
            SourcePath = file,
            Identity = root.Section("identity") is { } identity ? ReadIdentity(identity) : new IdentityDescription(),
            Users = root.Has("users") ? ReadUsers(root) : new DeviceDescription().Users,
            Interfaces = root.Sections("interfaces", ReadInterface),
            Zones = root.Strings("zones"),
            Configuration = root.Section("configuration") is { } configuration ? ReadConfiguration(configuration) : new ConfigurationDescription(),
            Sessions = root.Sections("sessions", ReadSession),
            Traffic = root.Section("traffic") is { } traffic ? ReadTraffic(traffic) : new TrafficDescription(),
            Clock = root.Section("clock") is { } clock ? ReadClock(clock) : new ClockDescription(),
            Cli = root.Section("cli") is { } cli ? ReadCli(cli) : new CliDescription(),
        };
    }

    private static IdentityDescription ReadIdentity(YamlSection s)
    {
        s.OnlyKeys(Keys["identity"]);
        var hostname = s.Text("hostname");
        if (hostname is not null && (hostname.Length is 0 or > 31 || !hostname.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw s.ErrorAt("hostname", $"identity.hostname: `{hostname}` is not a host name (1 to 31 letters, digits, `-`, `_` or `.`)");
        }

        foreach (var key in new[] { "ip-address", "netmask", "default-gateway" })
        {
            // Dotted IPv4 as the configuration schema takes it: IPAddress.TryParse also accepts `10.0.7` and IPv6.
            if (s.Text(key) is { } address && ConfigValues.Ipv4(address) is not null)
            {
                throw s.ErrorAt(key, $"identity.{key}: `{address}` is not an IPv4 address");
            }
        }

        var timeZone = s.Text("timezone");
        if (timeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            throw s.ErrorAt("timezone", $"identity.timezone: `{timeZone}` is not a time zone (an IANA name such as Europe/Berlin)");
        }

        return new IdentityDescription
        {
            Hostname = hostname,
            Model = s.Text("model"),
            Serial = s.Text("serial"),
            SwVersion = s.Text("sw-version") is { } version && !System.Text.RegularExpressions.Regex.IsMatch(version, @"^\d+\.\d+\.\d+([.-][A-Za-z0-9-]+)?$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))
                ? throw s.ErrorAt("sw-version", $"identity.sw-version: `{version}` is not a PAN-OS release (10.2.10)")
                : s.Text("sw-version"),
            HaState = s.Choice("ha-state", [.. HaStates]),
            IpAddress = s.Text("ip-address"),
            Netmask = s.Text("netmask"),
            DefaultGateway = s.Text("default-gateway"),
            MacAddress = s.Text("mac-address"),
            TimeZone = timeZone,
        };
    }

    private static IReadOnlyList<UserDescription> ReadUsers(YamlSection root)
    {
        var users = root.Sections("users", s =>
        {
            s.OnlyKeys(Keys["users"]);
            var user = new UserDescription { Name = s.RequiredString("name"), Password = s.Text("password"), PublicKeys = s.Strings("public-keys") };
            if (ConfigValues.Name(user.Name) is not null || user.Name.Contains(' ', StringComparison.Ordinal))
            {
                throw s.ErrorAt("name", $"{s.Path}.name: `{user.Name}` is not a user name (1 to 63 letters, digits, `.`, `_` or `-`)");
            }

            if (user.Password is null && user.PublicKeys.Count == 0)
            {
                throw s.ErrorAt("name", $"{s.Path}: user `{user.Name}` needs a password or public-keys");
            }

            for (var i = 0; i < user.PublicKeys.Count; i++)
            {
                if (!PublicKeyLine.TryParse(user.PublicKeys[i], out _))
                {
                    throw s.ErrorAt("public-keys", $"{s.Path}.public-keys[{i}] is not an OpenSSH public key line (ssh-ed25519 AAAA... comment)");
                }
            }

            return user;
        });
        if (users.Count == 0)
        {
            throw root.ErrorAt("users", "users: at least one user is needed to log in");
        }

        var duplicate = users.GroupBy(u => u.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? users : throw root.ErrorAt("users", $"users: `{duplicate.Key}` is listed twice");
    }

    private static InterfaceDescription ReadInterface(YamlSection s)
    {
        s.OnlyKeys(Keys["interfaces"]);
        var name = s.RequiredString("name");
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, @"^ethernet1/([1-9]|[1-9][0-9])$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            throw s.ErrorAt("name", $"{s.Path}.name: `{name}` is not an ethernet interface (ethernet1/1 to ethernet1/99)");
        }

        var addresses = s.Strings("ip");
        foreach (var address in addresses)
        {
            if (!IPNetwork.TryParse(address, out _) || !address.Contains('/', StringComparison.Ordinal))
            {
                throw s.ErrorAt("ip", $"{s.Path}.ip: `{address}` is not an address with a prefix length (10.1.0.1/16)");
            }
        }

        return new InterfaceDescription { Name = name, Zone = s.Text("zone"), Ip = addresses };
    }

    private static ConfigurationDescription ReadConfiguration(YamlSection s)
    {
        s.OnlyKeys(Keys["configuration"]);
        if (s.Text("xml-file") is { } xml && !File.Exists(ResolvePath(s.File, xml)))
        {
            throw s.ErrorAt("xml-file", $"configuration.xml-file: `{ResolvePath(s.File, xml)}` does not exist");
        }

        return new ConfigurationDescription
        {
            Base = s.Choice("base", "default", "minimal") ?? "default",
            Set = s.Strings("set", line => ConfigLine.Check(line) is { } reason ? $"`{line}`: {reason}" : null),
            XmlFile = s.Text("xml-file"),
        };
    }

    private static SessionDescription ReadSession(YamlSection s)
    {
        s.OnlyKeys(Keys["sessions"]);
        foreach (var key in new[] { "source", "destination", "nat-source", "nat-destination" })
        {
            if (s.Text(key) is { } address && !IPAddress.TryParse(address, out _))
            {
                throw s.ErrorAt(key, $"{s.Path}.{key}: `{address}` is not an IP address");
            }
        }

        var protocol = s.Text("protocol") ?? "tcp";
        if (ProtocolNumber(protocol) is null)
        {
            throw s.ErrorAt("protocol", $"{s.Path}.protocol: `{protocol}` is not tcp, udp, icmp or a number from 0 to 255");
        }

        return new SessionDescription
        {
            Id = (uint?)s.WholeNumber("id", 1, uint.MaxValue),
            From = s.RequiredString("from"),
            To = s.RequiredString("to"),
            Source = s.RequiredString("source"),
            SourcePort = (int)(s.WholeNumber("source-port", 0, 65535) ?? 0),
            Destination = s.RequiredString("destination"),
            DestinationPort = (int)(s.WholeNumber("destination-port", 0, 65535) ?? 0),
            Protocol = protocol,
            Application = s.Text("application") ?? "incomplete",
            Rule = s.Text("rule") ?? string.Empty,
            Action = s.Choice("action", "allow", "deny", "drop") ?? "allow",
            NatSource = s.Text("nat-source"),
            NatSourcePort = (int?)s.WholeNumber("nat-source-port", 0, 65535),
            NatDestination = s.Text("nat-destination"),
            NatDestinationPort = (int?)s.WholeNumber("nat-destination-port", 0, 65535),
            NatRule = s.Text("nat-rule"),
            IngressInterface = s.Text("ingress-interface"),
            EgressInterface = s.Text("egress-interface"),
            SourceUser = s.Text("source-user") ?? "unknown",
            DestinationUser = s.Text("destination-user") ?? "unknown",
            Established = s.Boolean("established") ?? true,
            LogAtEnd = s.Boolean("log-at-end") ?? true,
            Timeout = (int?)s.WholeNumber("timeout", 1, 15_999_999),
            OpenAt = s.Moment("open-at") ?? DescriptionTime.After(TimeSpan.Zero),
            PbfRule = s.Text("pbf-rule"),
            TraversesTunnel = s.Boolean("traverses-tunnel") ?? false,
            TerminatedOnHost = s.Boolean("terminated-on-host") ?? false,
            Traffic = s.Sections("traffic", t =>
            {
                t.OnlyKeys(Keys["sessions.traffic"]);
                return new TrafficStepDescription
                {
                    At = t.Moment("at") ?? throw t.ErrorAt("at", $"{t.Path}.at is required"),
                    BytesC2S = t.WholeNumber("bytes-c2s", 0, long.MaxValue / 2) ?? 0,
                    BytesS2C = t.WholeNumber("bytes-s2c", 0, long.MaxValue / 2) ?? 0,
                    PacketsC2S = t.WholeNumber("packets-c2s", 0, long.MaxValue / 2) ?? 0,
                    PacketsS2C = t.WholeNumber("packets-s2c", 0, long.MaxValue / 2) ?? 0,
                };
            }),
            End = s.Section("end") is { } end ? ReadEnd(end) : null,
        };
    }

    private static SessionEndDescription ReadEnd(YamlSection s)
    {
        s.OnlyKeys(Keys["sessions.end"]);
        var stage = s.RequiredString("stage");
        return new SessionEndDescription
        {
            At = s.Moment("at") ?? throw s.ErrorAt("at", $"{s.Path}.at is required"),
            Stage = TrackerStageNames.TryParse(stage, out var parsed)
                ? parsed
                : throw s.ErrorAt("stage", $"{s.Path}.stage: `{stage}` is not a tracker stage; expected one of: {TrackerStageNames.Known} (or the names `tracker stage firewall` prints)"),
        };
    }

    // Twice the million sessions of the bulk benchmark; each takes about 440 bytes.
    private const long MaxResidentSessions = 2_000_000;

    private static TrafficDescription ReadTraffic(YamlSection s)
    {
        s.OnlyKeys(Keys["traffic"]);
        return new TrafficDescription
        {
            Profile = s.Choice("profile", "default", "none") ?? "default",
            Seed = (int)(s.WholeNumber("seed", 0, int.MaxValue) ?? 1),
            SessionsPerMinute = s.Number("sessions-per-minute", 0.01, 100_000),
            ResidentSessions = (int)(s.WholeNumber("resident-sessions", 0, MaxResidentSessions) ?? 0),
        };
    }

    private static ClockDescription ReadClock(YamlSection s)
    {
        s.OnlyKeys(Keys["clock"]);
        return new ClockDescription
        {
            Mode = s.Choice("mode", "real", "fixed") ?? "real",
            Start = s.Instant("start"),
            Uptime = s.Duration("uptime"),
        };
    }

    private static CliDescription ReadCli(YamlSection s)
    {
        s.OnlyKeys(Keys["cli"]);
        return new CliDescription
        {
            Repaint = s.Boolean("repaint") ?? true,
            LoginBanner = s.Text("login-banner"),
            AcknowledgeBanner = s.Boolean("acknowledge-banner") ?? false,
        };
    }

    /// <summary>A path in a description: absolute, or relative to the description's folder.</summary>
    public static string ResolvePath(string? descriptionFile, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.IsPathRooted(path) || descriptionFile is null || descriptionFile.StartsWith('<')
            ? path
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(descriptionFile))!, path);
    }

    /// <summary>The IP protocol number of `tcp`, `udp`, `icmp` or a number; null for anything else.</summary>
    public static int? ProtocolNumber(string protocol) => protocol switch
    {
        "tcp" => SessionTimeouts.TcpProtocol,
        "udp" => 17,
        "icmp" => 1,
        _ when int.TryParse(protocol, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 255 => n,
        _ => null,
    };
}
