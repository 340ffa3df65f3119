using System.Text.Json;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Emulator.Inventory.Description;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Grammar;

namespace VirtualFirewall.Tests.Inventory;

/// <summary>Device description files: the embedded default, the errors for bad files, and what a description builds.</summary>
[TestFixture]
public sealed class DeviceDescriptionTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void Print_default_writes_the_embedded_description_and_it_reads_back_the_same()
    {
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        try
        {
            Assert.That(VirtualFirewall.Emulator.Program.Main(["--print-default"]).GetAwaiter().GetResult(), Is.Zero);
        }
        finally
        {
            Console.SetOut(previous);
        }

        var printed = output.ToString();
        Assert.That(printed, Is.EqualTo(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Emulator", "Inventory", "Description", "default-device.yaml"))));
        Assert.That(Json(DeviceDescriptionReader.Read(printed, "printed.yaml") with { SourcePath = null }), Is.EqualTo(Json(DefaultDevice.Description)));
    }

    [Test]
    public void The_printed_default_builds_the_default_device()
    {
        var fromFile = Build(DeviceDescriptionReader.Read(DefaultDevice.Text, "printed.yaml") with { Clock = new ClockDescription { Mode = "fixed", Start = Start } });
        var builtIn = DefaultDevice.Create(new ManualTimeProvider(Start));

        foreach (var command in new[] { "show system info", "show config running", "show session all", "show interface all", "show log traffic" })
        {
            Assert.That(Run(fromFile, command), Is.EqualTo(Run(builtIn, command)), command);
        }
    }

    // Each bad file: the first line of the emulator's message, with file, line and column.
    [TestCase("identity:\n  hostname: fw1\n  colour: red\n", "bad.yaml:3:3: unknown key `colour` in identity; expected one of: hostname, model, serial, sw-version, ha-state, ip-address, netmask, default-gateway, mac-address, timezone")]
    [TestCase("identity:\n  hostname: fw1\nmystery: 1\n", "bad.yaml:3:1: unknown key `mystery` in ; expected one of: identity, users, interfaces, zones, configuration, sessions, traffic, clock, cli")]
    [TestCase("identity: [a, b]\n", "bad.yaml:1:11: identity must be a mapping of keys to values")]
    [TestCase("identity:\n  hostname: \"has space\"\n", "bad.yaml:2:13: identity.hostname: `has space` is not a host name (1 to 31 letters, digits, `-`, `_` or `.`)")]
    [TestCase("identity:\n  ha-state: primary\n", "bad.yaml:2:13: identity.ha-state: `primary` is not one of active, passive, active-primary, active-secondary, initial, non-functional, tentative, suspended")]
    [TestCase("identity:\n  ip-address: 10.0.7\n", "bad.yaml:2:15: identity.ip-address: `10.0.7` is not an IPv4 address")]
    [TestCase("identity:\n  netmask: \"ffff::\"\n", "bad.yaml:2:12: identity.netmask: `ffff::` is not an IPv4 address")]
    [TestCase("users:\n  - name: ops\n", "bad.yaml:2:11: users[0]: user `ops` needs a password or public-keys")]
    [TestCase("users:\n  - name: \"a b\"\n    password: x\n", "bad.yaml:2:11: users[0].name: `a b` is not a user name (1 to 63 letters, digits, `.`, `_` or `-`)")]
    [TestCase("users:\n  - name: ops\n    password: x\n    public-keys: [\"ssh-ed25519 notbase64!\"]\n", "bad.yaml:4:18: users[0].public-keys[0] is not an OpenSSH public key line (ssh-ed25519 AAAA... comment)")]
    [TestCase("interfaces:\n  - name: ethernet1/5\n    ip: 10.5.0.1\n", "bad.yaml:3:9: interfaces[0].ip: `10.5.0.1` is not an address with a prefix length (10.1.0.1/16)")]
    [TestCase("interfaces:\n  - name: eth5\n", "bad.yaml:2:11: interfaces[0].name: `eth5` is not an ethernet interface (ethernet1/1 to ethernet1/99)")]
    [TestCase("configuration:\n  set:\n    - address a1 ip-netmask 10.9.9.999\n", "bad.yaml:3:7: configuration.set[0]: `address a1 ip-netmask 10.9.9.999`: 10.9.9.999 is not a valid IPv4/v6 ip address or network (e.g. 10.1.1.1/24 )")]
    [TestCase("configuration:\n  set:\n    - frobnicate everything\n", "bad.yaml:3:7: configuration.set[0]: `frobnicate everything`: Invalid syntax.")]
    [TestCase("sessions:\n  - from: trust\n    to: untrust\n    source: 10.1.1.300\n    destination: 198.51.100.1\n", "bad.yaml:4:13: sessions[0].source: `10.1.1.300` is not an IP address")]
    [TestCase("sessions:\n  - from: trust\n    to: untrust\n    source: 10.1.1.3\n    destination: 198.51.100.1\n    destination-port: 70000\n", "bad.yaml:6:23: sessions[0].destination-port: `70000` is not a whole number from 0 to 65535")]
    [TestCase("sessions:\n  - from: trust\n    to: untrust\n    source: 10.1.1.3\n    destination: 198.51.100.1\n    end: { at: 45s, stage: exploded }\n", "bad.yaml:6:28: sessions[0].end.stage: `exploded` is not a tracker stage; expected one of: aged-out, tcp-fin, tcp-rst-from-client, tcp-rst-from-server, policy-deny, threat, resources-unavailable, unknown (or the names `tracker stage firewall` prints)")]
    [TestCase("sessions:\n  - to: untrust\n    source: 10.1.1.3\n    destination: 198.51.100.1\n", "bad.yaml:2:5: sessions[0].from is required")]
    [TestCase("sessions:\n  - from: trust\n    to: untrust\n    source: 10.1.1.3\n    destination: 198.51.100.1\n    open-at: whenever\n", "bad.yaml:6:14: sessions[0].open-at: `whenever` is neither a duration after the start (45s, 5m, \"hh:mm:ss\") nor an instant (2013-09-09T16:44:01Z)")]
    [TestCase("traffic:\n  profile: busy\n", "bad.yaml:2:12: traffic.profile: `busy` is not one of default, none")]
    [TestCase("clock:\n  mode: fixed\n  start: yesterday\n", "bad.yaml:3:10: clock.start: `yesterday` is not an instant (2026-11-27T18:56:14Z)")]
    [TestCase("clock:\n  uptime: forever\n", "bad.yaml:2:11: clock.uptime: `forever` is not a duration (90s, 5m, 2h, 1d or hh:mm:ss)")]
    [TestCase("cli:\n  repaint: sometimes\n", "bad.yaml:2:12: cli.repaint: `sometimes` is not true or false")]
    [TestCase("identity:\n  hostname: fw1\n   bad-indent: x\n", "bad.yaml:3:14: not valid YAML: While scanning a plain scalar value, found invalid mapping.")]
    public void A_bad_file_is_refused_with_file_line_and_column(string yaml, string expected)
    {
        var error = Assert.Throws<DescriptionException>(() => DeviceDescriptionReader.Read(yaml, "bad.yaml"))!;

        Assert.That(error.Message, Is.EqualTo(expected));
    }

    [Test]
    public void The_emulator_refuses_to_start_on_a_bad_description()
    {
        var file = Path.Combine(Path.GetTempPath(), "vf-bad-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(file, "identity:\n  colour: red\n");
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.That(VirtualFirewall.Emulator.Program.Main(["--device", file, "--no-ssh", "--no-telnet"]).GetAwaiter().GetResult(), Is.EqualTo(1));
        }
        finally
        {
            Console.SetError(previous);
            File.Delete(file);
        }

        Assert.That(error.ToString(), Does.StartWith(file + ":2:3: unknown key `colour` in identity"));
    }

    [Test]
    public void Identity_users_interfaces_zones_and_set_lines_shape_the_device()
    {
        var key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ops@laptop";
        var yaml = $"""
            identity:
              hostname: fw-branch-7
              serial: "012345678901"
              sw-version: 11.1.2
            users:
              - name: admin
                password: S3cret!
              - name: ops
                public-keys: ["{key}"]
            interfaces:
              - name: ethernet1/5
                zone: guest
                ip: [172.16.5.1/24]
            zones: [lab]
            configuration:
              set:
                - address printer ip-netmask 172.16.5.20
                - set rulebase security rules guest-out from guest to untrust source any destination any application any service application-default action allow
            traffic:
              profile: none
            clock:
              mode: fixed
              start: 2026-11-27T09:00:00Z
              uptime: 2d
            """;
        var device = Build(DeviceDescriptionReader.Read(yaml, "branch.yaml"));

        Assert.That(Run(device, "show system info"), Does.Contain("hostname: fw-branch-7\n").And.Contain("serial: 012345678901\n").And.Contain("sw-version: 11.1.2\n").And.Contain("uptime: 2 days, 0:00:00\n"));
        Assert.That(device.Users.VerifyPassword("admin", "S3cret!"), Is.True);
        Assert.That(device.Users.VerifyPassword("ops", string.Empty), Is.False);
        Assert.That(PublicKeyLine.TryParse(key, out var blob) && device.Users.IsAuthorizedKey("ops", blob), Is.True);
        Assert.That(Run(device, "show interface logical"), Does.Contain("ethernet1/5").And.Contain("guest").And.Contain("172.16.5.1/24"));
        var config = Run(device, "show config running");
        Assert.That(config, Does.Contain("guest-out {").And.Contain("printer {").And.Contain("lab;").And.Contain("172.16.5.1/24"));
        Assert.That(device.Sessions.LiveCount, Is.Zero);
    }

    [Test]
    public void A_scripted_session_opens_carries_traffic_and_ends_with_its_tracker_stage()
    {
        var yaml = """
            traffic:
              profile: none
            clock:
              mode: fixed
              start: 2026-11-27T09:00:00Z
            sessions:
              - id: 4632
                from: trust
                to: untrust
                source: 10.1.1.20
                source-port: 50104
                destination: 203.0.113.80
                destination-port: 443
                application: ssl
                rule: allow-trust-to-untrust
                open-at: 10s
                traffic:
                  - { at: 20s, bytes-c2s: 517, bytes-s2c: 4380, packets-c2s: 3, packets-s2c: 4 }
                end: { at: 45s, stage: "TCP RST - server" }
            """;
        var built = DeviceFactory.Create(DeviceDescriptionReader.Read(yaml, "scripted.yaml"), TimeProvider.System);
        var device = built.Device;
        Assert.That(device.Sessions.IsLive(4632), Is.False, "not open before 10 s");

        built.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.That(Run(device, "show session id 4632"), Does.Contain("source:      10.1.1.20 [trust]").And.Contain("state:       ACTIVE").And.Contain("total byte count(s2c)                : 4380"));

        built.Clock.Advance(TimeSpan.FromSeconds(20));
        var ended = Run(device, "show session id 4632");
        Assert.That(ended, Does.Contain("tracker stage firewall               : TCP RST - server"));
        Assert.That(Run(device, "show log traffic show-tracker equal yes"), Does.Contain("TCP RST - server"));
    }

    [Test]
    public void Sessions_may_be_scripted_at_instants_but_not_before_the_device_starts()
    {
        const string session = "sessions:\n  - id: 9\n    from: trust\n    to: VPN\n    source: 10.1.1.9\n    source-port: 4475\n    destination: 198.51.100.9\n    destination-port: 80\n    pbf-rule: wt-VPNTest 1\n    traverses-tunnel: true\n    open-at: 2026-11-27T09:00:05Z\n";
        var device = Build(DeviceDescriptionReader.Read("traffic:\n  profile: none\nclock:\n  mode: fixed\n  start: 2026-11-27T09:00:00Z\n" + session, "at.yaml"));
        Assert.That(device.Sessions.IsLive(9), Is.False);

        var later = DeviceFactory.Create(DeviceDescriptionReader.Read("traffic:\n  profile: none\nclock:\n  mode: fixed\n  start: 2026-11-27T09:00:00Z\n" + session, "at.yaml"), TimeProvider.System);
        later.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.That(Run(later.Device, "show session id 9"), Does.Contain("pbf rule:    wt-VPNTest 1").Or.Contain("wt-VPNTest 1"));
        Assert.That(Run(later.Device, "show session id 9"), Does.Contain("session traverses tunnel             : True"));

        var error = Assert.Throws<DescriptionException>(() => Build(DeviceDescriptionReader.Read("traffic:\n  profile: none\nclock:\n  mode: fixed\n  start: 2026-11-27T10:00:00Z\n" + session, "at.yaml")))!;
        Assert.That(error.Message, Is.EqualTo("at.yaml:1:1: session 9: 2026-11-27T09:00:05.0000000+00:00 is before the device starts (2026-11-27T10:00:00.0000000+00:00); move clock.start earlier"));
    }

    [Test]
    public void A_minimal_base_has_no_lab_rules_and_an_xml_file_replaces_the_configuration()
    {
        var minimal = Build(DeviceDescriptionReader.Read("configuration:\n  base: minimal\ntraffic:\n  profile: none\nclock:\n  mode: fixed\n  start: 2026-11-27T09:00:00Z\n", "minimal.yaml"));
        Assert.That(Run(minimal, "show config running"), Does.Not.Contain("rulebase").And.Contain("hostname PA-VM;"));

        var folder = Directory.CreateTempSubdirectory("vf-desc-");
        try
        {
            File.Copy(Path.Combine(RepositoryPaths.Root, "Tests", "Reference", "configs", "L100-automation-lab_bootstrap_10.1.3.xml"), Path.Combine(folder.FullName, "bootstrap.xml"));
            var path = Path.Combine(folder.FullName, "lab.yaml");
            File.WriteAllText(path, "configuration:\n  xml-file: bootstrap.xml\ntraffic:\n  profile: none\nclock:\n  mode: fixed\n  start: 2026-11-27T09:00:00Z\n");
            var loaded = Build(DeviceDescriptionReader.ReadFile(path));
            Assert.That(Run(loaded, "show config running"), Does.Contain("outside {").And.Contain("inside {"));

            File.WriteAllText(path, "configuration:\n  xml-file: missing.xml\n");
            var error = Assert.Throws<DescriptionException>(() => DeviceDescriptionReader.ReadFile(path))!;
            Assert.That(error.Message, Is.EqualTo($"{path}:2:13: configuration.xml-file: `{Path.Combine(folder.FullName, "missing.xml")}` does not exist"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void The_json_schema_lists_exactly_the_keys_the_reader_accepts()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        foreach (var (section, keys) in DeviceDescriptionReader.Keys)
        {
            var node = schema.RootElement;
            foreach (var part in section.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                node = node.GetProperty("properties").GetProperty(part);
                if (node.TryGetProperty("items", out var items))
                {
                    node = items;
                }
            }

            Assert.That(node.GetProperty("additionalProperties").GetBoolean(), Is.False, section);
            Assert.That(node.GetProperty("properties").EnumerateObject().Select(p => p.Name), Is.EquivalentTo(keys), section);
        }
    }

    [Test]
    public void The_default_and_a_full_description_validate_against_the_json_schema()
    {
        VirtualFirewall.Tests.Interop.DebianPython.Require("jsonschema");
        VirtualFirewall.Tests.Interop.DebianPython.Require("yaml");
        const string script = """
            import json, sys, yaml, jsonschema
            # Instants stay text, as in JSON (and in editors' YAML schema checks).
            class Loader(yaml.SafeLoader):
                pass
            Loader.yaml_implicit_resolvers = {k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
            schema = json.load(open(sys.argv[1]))
            for path in sys.argv[2:]:
                jsonschema.validate(yaml.load(open(path), Loader=Loader), schema)
            bad = {"identity": {"colour": "red"}}
            try:
                jsonschema.validate(bad, schema)
                print("accepted a bad description")
                sys.exit(1)
            except jsonschema.ValidationError:
                print("ok")
            """;
        var example = Path.Combine(RepositoryPaths.Root, "Tests", "Inventory", "full-device.yaml");
        DeviceDescriptionReader.ReadFile(example);
        var scenarios = Path.Combine(RepositoryPaths.Root, "Emulator", "Inventory", "Scenarios");
        var (exit, output, error) = VirtualFirewall.Tests.Interop.DebianPython.Run(script, [SchemaPath, Path.Combine(RepositoryPaths.Root, "Emulator", "Inventory", "Description", "default-device.yaml"), example, Path.Combine(scenarios, "session-tracker-kb.yaml"), Path.Combine(scenarios, "tracker-stages.yaml")], TimeSpan.FromSeconds(60));

        Assert.That((exit, output), Is.EqualTo((0, "ok\n")), error);
    }

    private static string SchemaPath => Path.Combine(RepositoryPaths.Root, "Emulator", "Inventory", "Description", "device.schema.json");

    private static Device Build(DeviceDescription description) => DeviceFactory.Create(description, TimeProvider.System).Device;

    private static string Json(DeviceDescription description) => JsonSerializer.Serialize(description);

    private static string Run(Device device, string line)
    {
        var sessions = device.Admins.Snapshot();
        var session = sessions.Count > 0 ? sessions[0] : device.Login("admin", "192.0.2.1", "CLI").Session;
        return CommandLine.Parse(line, session.Mode, session.EditPath) switch
        {
            ParsedCommand command => device.Execute(command.Command, session).Output,
            ParseFailure failure => failure.Message,
            _ => string.Empty,
        };
    }
}
