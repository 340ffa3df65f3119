using System.Net;
using System.Xml.Linq;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Configuration;
using VirtualFirewall.Engine.Network;
using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Engine.State;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Engine.Traffic;
using VirtualFirewall.Engine.Users;

namespace VirtualFirewall.Emulator.Inventory.Description;

/// <summary>
/// Makes a <see cref="Device"/> from a <see cref="DeviceDescription"/>: identity and users, the
/// configuration (base, XML file, interfaces, zones, `set` lines, CLI settings), the traffic generator
/// with its history, and the scripted sessions on the device clock. Deterministic: the same description
/// and clock give the same device.
/// </summary>
public static class DeviceFactory
{
    /// <summary>A key-only account's `phash`: no password matches it.</summary>
    public const string NoPasswordHash = "*";

    /// <summary>
    /// Builds the device on a clock of its own: fixed at the description's start (or at
    /// <paramref name="host"/>'s now), or running with <paramref name="host"/>.
    /// </summary>
    /// <param name="description">What to build.</param>
    /// <param name="host">The host's clock (the system clock outside tests).</param>
    /// <returns>The device, its clock and its generator.</returns>
    public static BuiltDevice Create(DeviceDescription description, TimeProvider host)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(host);
        var start = description.Clock.Start ?? host.GetUtcNow();
        var uptime = description.Clock.Uptime ?? TimeSpan.Zero;
        var clock = new AdjustableTimeProvider(start - uptime, string.Equals(description.Clock.Mode, "fixed", StringComparison.Ordinal) ? null : host);
        return Create(description, clock, () => clock.Advance(uptime));
    }

    /// <summary>Builds the device on <paramref name="clock"/>, which stands at its boot time until <paramref name="booted"/> moves it to its start.</summary>
    /// <param name="description">What to build.</param>
    /// <param name="clock">The device clock.</param>
    /// <param name="booted">Moves the clock from boot to the moment the device starts serving; null when it is already there.</param>
    /// <returns>The device, its clock and its generator.</returns>
    public static BuiltDevice Create(DeviceDescription description, AdjustableTimeProvider clock, Action? booted)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(clock);
        var device = new Device(Identity(description.Identity), Users(description.Users), clock, description.Traffic.Seed);
        booted?.Invoke();
        Configure(device, description);

        TrafficGenerator? generator = null;
        if (string.Equals(description.Traffic.Profile, "default", StringComparison.Ordinal))
        {
            generator = DefaultTraffic.Seed(device, description.Traffic.GeneratorProfile());
            generator.OpenResident(description.Traffic.ResidentSessions);
        }

        var now = device.Clock.UtcNow;
        foreach (var session in description.Sessions)
        {
            Script(device, session, now, description.SourcePath ?? "<description>");
        }

        device.CatchUp();
        return new BuiltDevice(device, clock, generator);
    }

    /// <summary>The spec of a described session, its interfaces taken from the zones when not given.</summary>
    /// <param name="device">The device whose interfaces name the zones.</param>
    /// <param name="session">The session.</param>
    /// <returns>What <see cref="SessionTable.Open"/> takes.</returns>
    public static SessionSpec SpecOf(Device device, SessionDescription session)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(session);
        string InterfaceOf(string zone, string fallback) =>
            device.Network.Logical.FirstOrDefault(i => string.Equals(i.Zone, zone, StringComparison.Ordinal))?.Name ?? fallback;

        return new SessionSpec(
            IPAddress.Parse(session.Source),
            session.From,
            session.SourcePort,
            IPAddress.Parse(session.Destination),
            session.To,
            session.DestinationPort,
            DeviceDescriptionReader.ProtocolNumber(session.Protocol) ?? throw new ArgumentException($"unknown protocol {session.Protocol}", nameof(session)))
        {
            Id = session.Id,
            Application = session.Application,
            Rule = session.Rule,
            Action = session.Action switch { "deny" => RuleAction.Deny, "drop" => RuleAction.Drop, _ => RuleAction.Allow },
            TranslatedSource = session.NatSource is { } natSource ? IPAddress.Parse(natSource) : null,
            TranslatedSourcePort = session.NatSourcePort,
            TranslatedDestination = session.NatDestination is { } natDestination ? IPAddress.Parse(natDestination) : null,
            TranslatedDestinationPort = session.NatDestinationPort,
            NatRule = session.NatRule,
            IngressInterface = session.IngressInterface ?? InterfaceOf(session.From, "ethernet1/1"),
            EgressInterface = session.EgressInterface ?? InterfaceOf(session.To, "ethernet1/2"),
            SourceUser = session.SourceUser,
            DestinationUser = session.DestinationUser,
            Established = session.Established,
            LogAtEnd = session.LogAtEnd,
            TimeoutSeconds = session.Timeout,
            PbfRule = session.PbfRule,
            TraversesTunnel = session.TraversesTunnel,
            TerminatedOnHost = session.TerminatedOnHost,
        };
    }

    private static DeviceIdentity Identity(IdentityDescription d)
    {
        var identity = new DeviceIdentity();
        return identity with
        {
            Hostname = d.Hostname ?? identity.Hostname,
            Model = d.Model ?? identity.Model,
            Serial = d.Serial ?? identity.Serial,
            SwVersion = d.SwVersion ?? identity.SwVersion,
            HaState = d.HaState,
            IpAddress = d.IpAddress ?? identity.IpAddress,
            Netmask = d.Netmask ?? identity.Netmask,
            DefaultGateway = d.DefaultGateway ?? identity.DefaultGateway,
            MacAddress = d.MacAddress ?? identity.MacAddress,
            TimeZone = d.TimeZone ?? identity.TimeZone,
        };
    }

    private static List<UserAccount> Users(IReadOnlyList<UserDescription> users) =>
    [
        .. users.Select(u => new UserAccount(u.Name, u.Password ?? string.Empty)
        {
            PasswordHash = u.Password is null ? NoPasswordHash : null,
            AuthorizedKeys = [.. u.PublicKeys.Select(line => PublicKeyLine.TryParse(line, out var blob) ? blob : throw new ArgumentException($"user {u.Name}: not a public key line", nameof(users)))],
        }),
    ];

    private static void Configure(Device device, DeviceDescription description)
    {
        var configuration = description.Configuration;
        if (configuration.XmlFile is { } file)
        {
            var path = DeviceDescriptionReader.ResolvePath(description.SourcePath, file);
            ConfigElement root;
            try
            {
                (root, _) = ConfigXmlReader.Read(XDocument.Load(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException or InvalidDataException)
            {
                throw new DescriptionException(description.SourcePath ?? "<description>", 1, 1, $"configuration.xml-file: cannot load {path}: {e.Message}");
            }

            device.LoadRunning(root);
        }
        else if (string.Equals(configuration.Base, "minimal", StringComparison.Ordinal))
        {
            device.LoadRunning(DefaultConfiguration.Create(device.Identity, device.Users.All, withLab: false));
            foreach (var name in new[] { "ethernet1/1", "ethernet1/2", "ethernet1/3" })
            {
                if (device.Network.FindLogical(name) is { } logical)
                {
                    device.Network.SetLogical(logical with { Zone = string.Empty, Forwarding = "N/A", Addresses = [] });
                }
            }
        }

        foreach (var item in description.Interfaces)
        {
            AddInterface(device, item);
        }

        foreach (var zone in description.Zones)
        {
            Set(device, description, $"zone {zone}");
        }

        foreach (var line in configuration.Set)
        {
            Set(device, description, line);
        }

        device.Behavior = device.Behavior with { RepaintWords = description.Cli.Repaint, AcknowledgeBanner = description.Cli.AcknowledgeBanner };
        if (description.Cli.LoginBanner is { } banner)
        {
            if (device.SetAtStartup(["deviceconfig", "system", "login-banner", banner]) is { } error)
            {
                throw new DescriptionException(description.SourcePath ?? "<description>", 1, 1, "cli.login-banner: " + error.Trim());
            }
        }
    }

    private static void AddInterface(Device device, InterfaceDescription item)
    {
        var description = new DeviceDescription();
        foreach (var address in item.Ip)
        {
            Set(device, description, $"network interface ethernet {item.Name} layer3 ip {address}");
        }

        Set(device, description, $"network virtual-router default interface {item.Name}");
        if (item.Zone is { } zone)
        {
            Set(device, description, $"zone {zone} network layer3 {item.Name}");
        }

        var port = int.Parse(item.Name.AsSpan("ethernet1/".Length), System.Globalization.CultureInfo.InvariantCulture);
        var id = 15 + port;
        if (device.Network.FindHardware(item.Name) is null)
        {
            device.Network.SetHardware(new HardwareInterface(item.Name, id, MacAddresses.Offset(device.Identity.VmMacBase, id)) { Speed = "10000", Duplex = "full", IsUp = true, Fec = "ukn" });
        }

        var logical = device.Network.FindLogical(item.Name) ?? new LogicalInterface(item.Name, id);
        device.Network.SetLogical(logical with { Zone = item.Zone ?? string.Empty, Forwarding = "vr:default", Addresses = item.Ip });
    }

    private static void Set(Device device, DeviceDescription description, string line)
    {
        if (ConfigLine.Words(line) is not { } words)
        {
            throw new DescriptionException(description.SourcePath ?? "<description>", 1, 1, $"configuration: cannot split `{line}` into words");
        }

        if (device.SetAtStartup(words) is { } error)
        {
            throw new DescriptionException(description.SourcePath ?? "<description>", 1, 1, $"configuration: `set {line}`: {error.Trim()}");
        }
    }

    private static void Script(Device device, SessionDescription session, DateTimeOffset start, string file)
    {
        var spec = SpecOf(device, session);
        foreach (var moment in session.Traffic.Select(t => t.At).Append(session.OpenAt).Concat(session.End is { } last ? [last.At] : []))
        {
            // The session table never runs backwards: a scripted moment before the start cannot happen.
            if (moment.Resolve(start) < start)
            {
                throw new DescriptionException(file, 1, 1, $"session {session.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? session.Source}: {moment.Resolve(start):O} is before the device starts ({start:O}); move clock.start earlier");
            }
        }

        device.Schedule.At(session.OpenAt.Resolve(start), d =>
        {
            if (spec.Id is { } id && d.Sessions.IsLive(id))
            {
                // The generator got there first: the scripted session takes its id over.
                d.Sessions.Clear(id);
            }

            var opened = d.Sessions.Open(spec);
            foreach (var step in session.Traffic)
            {
                d.Schedule.At(step.At.Resolve(start), later => later.Sessions.RecordTraffic(opened.Id, step.BytesC2S, step.BytesS2C, step.PacketsC2S, step.PacketsS2C));
            }

            if (session.End is { } end)
            {
                d.Schedule.At(end.At.Resolve(start), later => later.Sessions.End(opened.Id, end.Stage));
            }
        });
    }
}
