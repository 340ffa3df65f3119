using System.Text.Json;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Cli;
using VirtualFirewall.Engine.Configuration;
using VirtualFirewall.Engine.Policy;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Grammar;

namespace VirtualFirewall.Tests.Interop;

/// <summary>
/// The policy commands of the default device, typed as a user types them, parse with their
/// ntc-templates TextFSM templates into the records its running configuration predicts.
/// </summary>
[TestFixture]
public sealed class PolicyTextFsmTests
{
    private Device _device = null!;
    private CliSession _session = null!;

    private ConfigElement Running => _device.Configuration.Running;

    [SetUp]
    public void SetUp()
    {
        DebianPython.Require("textfsm");
        _device = DefaultDevice.Create(new ManualTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero)));
        (_session, _) = _device.Login("admin", "192.0.2.1", "CLI");
    }

    /// <summary>
    /// The template's FROM is required and `\S+`, so a rule from several zones (`from [ trust dmz ]`)
    /// leaves no record; its SOURCE and TO are `\S+` too and stay empty for a list.
    /// </summary>
    [Test]
    public void Running_security_policy()
    {
        var expected = new List<Dictionary<string, string>>();
        foreach (var rule in Entries("security"))
        {
            var from = Members(rule, "from");
            if (from.Count != 1)
            {
                continue;
            }

            var action = rule.Child("action")!.Value!;
            expected.Add(Row(
                ("NAME", rule.Name), ("FROM", from[0]), ("SOURCE", Single(Addresses(Members(rule, "source")))), ("SOURCE_REGION", "none"),
                ("TO", Single(Members(rule, "to"))), ("DESTINATION", Bracketed(Addresses(Members(rule, "destination")))), ("DESTINATION_REGION", "none"),
                ("USER", "any"), ("CATEGORY", "any"), ("APPLICATION_SERVICE", Bracketed(ApplicationServices(rule))), ("ACTION", action),
                ("ICMP_UNREACHABLE", "no"), ("TERMINAL", action == "allow" ? "yes" : "no"), ("TYPE", string.Empty)));
        }

        foreach (var (name, action, type) in new[] { ("intrazone-default", "allow", "intrazone"), ("interzone-default", "deny", "interzone") })
        {
            expected.Add(Row(
                ("NAME", name), ("FROM", "any"), ("SOURCE", "any"), ("SOURCE_REGION", "none"), ("TO", "any"), ("DESTINATION", "any"),
                ("DESTINATION_REGION", "none"), ("USER", string.Empty), ("CATEGORY", "any"), ("APPLICATION_SERVICE", "any/any/any/any"),
                ("ACTION", action), ("ICMP_UNREACHABLE", "no"), ("TERMINAL", "yes"), ("TYPE", type)));
        }

        var rows = Parse("show_running_security-policy", "show running security-policy");

        Assert.That(rows, Is.EqualTo(expected), () => JsonSerializer.Serialize(rows) + "\n" + JsonSerializer.Serialize(expected));
        Assert.That(rows.Select(r => r["NAME"]), Does.Contain("allow-untrust-to-dmz-web").And.Not.Contain("allow-dns"));
    }

    [Test]
    public void Running_nat_policy()
    {
        var pool = 0;
        var expected = Entries("nat").Select(rule =>
        {
            var snat = rule.Child("source-translation")?.Child("dynamic-ip-and-port")?.Child("interface-address")?.Child("interface")?.Value;
            var dnat = rule.Child("destination-translation")?.Child("translated-address")?.Value;
            var translate = snat is not null
                ? $"src: {snat} {InterfaceAddress(snat)} (dynamic-ip-and-port) (pool idx: {++pool})"
                : "dst: " + Addresses([dnat!])[0];
            return Row(
                ("NAME", rule.Name), ("NAT_TYPE", "ipv4"), ("FROM", Bracketed(Members(rule, "from"))), ("SOURCE", Bracketed(Addresses(Members(rule, "source")))),
                ("TO", Bracketed(Members(rule, "to"))), ("TO_INTERFACE", string.Empty), ("DESTINATION", Bracketed(Addresses(Members(rule, "destination")))),
                ("SERVICE", "any/any/any"), ("TRANSLATE_TO", translate), ("TERMINAL", "no"));
        }).ToList();

        var rows = Parse("show_running_nat-policy", "show running nat-policy");

        Assert.That(rows, Is.EqualTo(expected), () => JsonSerializer.Serialize(rows) + "\n" + JsonSerializer.Serialize(expected));
        Assert.That(rows, Has.Count.EqualTo(2));
    }

    // allow-dns (`from [ trust dmz ]`) is left out: the template's FROM is `\S+` and its catch-all rule raises an error on a list.
    [TestCase("test security-policy-match from trust to untrust source 10.1.1.20 destination 203.0.113.123 protocol 17 destination-port 123 application ntp", "allow-ntp", 2)]
    [TestCase("test security-policy-match source 10.1.1.20 destination 198.51.100.9 protocol 6 destination-port 6881 application bittorrent to untrust from trust", "deny-p2p", 3)]
    [TestCase("test security-policy-match from untrust to dmz source 198.51.100.7 destination 203.0.113.10 protocol 6 destination-port 22", "deny-untrust", 6)]
    [TestCase("test security-policy-match from trust to trust source 10.1.1.20 destination 10.1.0.1 protocol 6 destination-port 22", "intrazone-default", 9)]
    [TestCase("test security-policy-match from dmz to trust source 192.168.50.10 destination 10.1.1.20 protocol 6 destination-port 443", "interzone-default", 10)]
    public void Security_policy_match(string line, string rule, int index)
    {
        var policy = SecurityPolicy.Of(Running);
        var answer = policy.Find(rule)!;
        var expected = Row(
            ("NAME", rule), ("INDEX", index.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("FROM", Bracketed(answer.From)),
            ("SOURCE", Bracketed(answer.Source.Shown)), ("SOURCE_REGION", "none"), ("TO", Bracketed(answer.To)),
            ("DESTINATION", Bracketed(answer.Destination.Shown)), ("DESTINATION_REGION", "none"), ("USER", "any"), ("SOURCE_DEVICE", "any"),
            ("DESTINATION_DEVICE", "any"), ("CATEGORY", "any"),
            ("APPLICATION_SERVICE", answer.ApplicationServices.Count == 1 ? "0:" + answer.ApplicationServices[0] : "[" + string.Join(' ', answer.ApplicationServices.Select((a, i) => i + ":" + a)) + " ]"),
            ("ACTION", answer.Action), ("ICMP_UNREACHABLE", "no"), ("TERMINAL", answer.Action == "allow" ? "yes" : "no"));
        if (answer.DefaultType is not null)
        {
            expected["TERMINAL"] = "yes";
        }

        Assert.That(Parse("test_security-policy-match", line), Is.EqualTo(new[] { expected }));
    }

    private List<ConfigElement> Entries(string rulebase) => Running.Child("rulebase")!.Child(rulebase)!.Child("rules")!.Children;

    private static List<string> Members(ConfigElement rule, string name) => rule.Child(name) is { } list ? [.. list.Members] : ["any"];

    /// <summary>The values an address member stands for: literal, or an address object's value.</summary>
    private List<string> Addresses(List<string> members) =>
        [.. members.Select(m => Running.Child("address")?.Child(m)?.Child("ip-netmask")?.Value ?? m)];

    private string InterfaceAddress(string name) =>
        Running.Child("network")!.Child("interface")!.Child("ethernet")!.Child(name)!.Child("layer3")!.Child("ip")!.Children[0].Name.Split('/')[0];

    /// <summary>Each application on the rule's ports: any, the application's default ports, or none listed here.</summary>
    private List<string> ApplicationServices(ConfigElement rule)
    {
        var services = Members(rule, "service");
        var applicationDefault = services.Contains("application-default");
        var listed = services.Where(s => s is not ("any" or "application-default")).SelectMany(ServicePorts).ToList();
        return [.. Members(rule, "application").SelectMany(a =>
            listed.Count > 0 ? listed.Select(p => $"{a}/{p}")
            : applicationDefault && a != "any" ? ApplicationDefaults.For(a)!.Select(p => $"{a}/{p.Protocol}/any/{p.Ports}")
            : [a + "/any/any/any"])];
    }

    /// <summary>A service object as `protocol/source-ports/port`, one item per listed port as the device prints them.</summary>
    private IEnumerable<string> ServicePorts(string name) =>
        (Running.Child("service")?.Child(name)?.Child("protocol")?.Children ?? [])
            .SelectMany(p => (p.Child("port")?.Value ?? "any").Split(',').Select(port => $"{p.Name}/{p.Child("source-port")?.Value ?? "any"}/{port}"));

    private static string Single(List<string> values) => values.Count == 1 ? values[0] : string.Empty;

    private static string Bracketed(IReadOnlyList<string> values) => values.Count == 1 ? values[0] : "[ " + string.Join(' ', values) + " ]";

    private List<Dictionary<string, string>> Parse(string template, string line)
    {
        var parsed = CommandLine.Parse(line, CliMode.Operational);
        Assert.That(parsed, Is.TypeOf<ParsedCommand>(), line);
        return TextFsm.Parse(template, _device.Execute(((ParsedCommand)parsed).Command, _session).Output);
    }

    private static Dictionary<string, string> Row(params (string Key, string Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
}
