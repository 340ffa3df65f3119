using System.Net;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Engine.Cli;
using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Engine.Configuration;
using VirtualFirewall.Engine.Policy;
using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Grammar;

namespace VirtualFirewall.Tests.Engine.Policy;

[TestFixture]
public sealed class SecurityPolicyTests
{
    private static readonly DateTimeOffset Boot = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private static SecurityPolicy Default => SecurityPolicy.Of(DefaultDevice.Create(new ManualTimeProvider(Boot)).Configuration.Running);

    [TestCase("trust", "untrust", "10.1.1.20", "198.51.100.10", 6, 443, "ssl", "allow-trust-to-untrust", RuleAction.Allow)]
    [TestCase("trust", "untrust", "10.1.1.20", "198.51.100.53", 17, 53, "dns", "allow-dns", RuleAction.Allow)]
    [TestCase("dmz", "untrust", "192.168.50.53", "198.51.100.53", 17, 53, "dns", "allow-dns", RuleAction.Allow)]
    [TestCase("trust", "untrust", "10.1.2.30", "203.0.113.123", 17, 123, "ntp", "allow-ntp", RuleAction.Allow)]
    [TestCase("trust", "untrust", "10.1.1.20", "198.51.100.10", 6, 6881, "bittorrent", "deny-p2p", RuleAction.Drop)]
    [TestCase("trust", "untrust", "10.1.1.20", "198.51.100.10", 6, 8443, "ssl", "interzone-default", RuleAction.Deny)]
    [TestCase("trust", "dmz", "10.1.1.20", "192.168.50.10", 6, 80, "web-browsing", "allow-trust-to-dmz", RuleAction.Allow)]
    [TestCase("untrust", "dmz", "198.51.100.7", "203.0.113.10", 6, 22, "not-applicable", "deny-untrust", RuleAction.Deny)]
    [TestCase("trust", "VPN", "10.1.1.20", "10.20.0.15", 6, 3389, "ms-rdp", "allow-trust-to-vpn", RuleAction.Allow)]
    [TestCase("trust", "trust", "10.1.1.20", "10.1.0.1", 6, 22, "ssh", "intrazone-default", RuleAction.Allow)]
    [TestCase("dmz", "trust", "192.168.50.10", "10.1.1.20", 6, 443, "ssl", "interzone-default", RuleAction.Deny)]
    [TestCase("trust", "untrust", "192.0.2.9", "198.51.100.10", 6, 443, "ssl", "interzone-default", RuleAction.Deny)]
    public void The_default_rulebase_answers_in_order(string from, string to, string source, string destination, int protocol, int port, string application, string rule, RuleAction action)
    {
        var match = Default.Match(Query(from, to, source, destination, protocol, port) with { Application = application });

        Assert.That(match?.Name, Is.EqualTo(rule));
        Assert.That(match!.Verdict, Is.EqualTo(action));
    }

    [Test]
    public void Before_App_ID_a_rule_naming_applications_allows_but_never_denies()
    {
        var unidentified = Query("trust", "untrust", "10.1.1.20", "198.51.100.10", 6, 6881);

        Assert.That(Default.Match(unidentified)?.Name, Is.EqualTo("allow-trust-to-untrust"), "deny-p2p waits for App-ID");
        Assert.That(Default.Match(unidentified with { Application = "incomplete" })?.Name, Is.EqualTo("allow-trust-to-untrust"));
        Assert.That(Default.Match(Query("trust", "untrust", "10.1.1.20", "198.51.100.53", 17, 53))?.Name, Is.EqualTo("allow-dns"), "allow-dns may allow it meanwhile");
    }

    [Test]
    public void Objects_groups_services_and_disabled_rules_resolve()
    {
        var root = Build(
            "set address web1 ip-netmask 192.0.2.10",
            "set address web-range ip-range 192.0.2.20-192.0.2.29",
            "set address-group webs static [ web1 web-range ]",
            "set address doc-net ip-netmask 198.51.100.0/24",
            "set address-group all-webs static [ webs doc-net ]",
            "set service tcp-8080 protocol tcp port 8080,8443",
            "set service udp-hi protocol udp port 10000-10010",
            "set service-group alt members [ tcp-8080 udp-hi ]",
            "set rulebase security rules off from a to b source any destination any application any service any action deny disabled yes",
            "set rulebase security rules web from a to b source any destination all-webs application any service alt action allow",
            "set rulebase security rules http from a to b source 10.0.0.0/8 destination any application any service service-http action reset-both");
        var policy = SecurityPolicy.Of(root);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.Match(Query("a", "b", "10.9.9.9", "192.0.2.25", 6, 8443))?.Name, Is.EqualTo("web"));
            Assert.That(policy.Match(Query("a", "b", "10.9.9.9", "198.51.100.99", 17, 10005))?.Name, Is.EqualTo("web"));
            Assert.That(policy.Match(Query("a", "b", "10.9.9.9", "192.0.2.30", 6, 8443))?.Name, Is.EqualTo("interzone-default"));
            Assert.That(policy.Match(Query("a", "b", "10.9.9.9", "192.0.2.30", 6, 8080))?.Name, Is.EqualTo("http"));
            Assert.That(policy.Match(Query("a", "b", "10.9.9.9", "192.0.2.30", 6, 8080))?.Verdict, Is.EqualTo(RuleAction.Deny));
            Assert.That(policy.Match(Query("b", "b", "10.9.9.9", "192.0.2.30", 6, 8080))?.Name, Is.EqualTo("intrazone-default"));
            Assert.That(policy.Match(Query(null, "b", "10.9.9.9", "192.0.2.30", 6, 9))?.Name, Is.Null, "no zone, no default rule");
            Assert.That(policy.Rules.Select(r => r.Index), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(policy.Interzone.Index, Is.EqualTo(5));
            Assert.That(policy.Rules[1].Destination.Shown, Is.EqualTo(new[] { "192.0.2.10", "192.0.2.20-192.0.2.29", "198.51.100.0/24" }));
            Assert.That(policy.Rules[1].ApplicationServices, Is.EqualTo(new[] { "any/tcp/any/8080", "any/tcp/any/8443", "any/udp/any/10000-10010" }));
        }
    }

    [Test]
    public void A_commit_gives_a_new_policy_and_the_same_tree_the_same_one()
    {
        var device = DefaultDevice.Create(new ManualTimeProvider(Boot));
        var (session, _) = device.Login("admin", "192.0.2.1", "CLI");
        var before = SecurityPolicy.Of(device.Configuration.Running);
        Assert.That(SecurityPolicy.Of(device.Configuration.Running), Is.SameAs(before));

        device.Execute(new ConfigureCommand(), session);
        foreach (var line in new[] { "set rulebase security rules allow-dns disabled yes", "commit" })
        {
            device.Execute(((ParsedCommand)CommandLine.Parse(line, CliMode.Configuration)).Command, session);
        }

        var after = SecurityPolicy.Of(device.Configuration.Running);
        Assert.That(after, Is.Not.SameAs(before));
        Assert.That(after.Match(Query("trust", "untrust", "10.1.1.20", "198.51.100.53", 17, 53) with { Application = "dns" })?.Name, Is.EqualTo("allow-trust-to-untrust"));
        Assert.That(after.Find("allow-dns"), Is.Null);
    }

    private static PolicyQuery Query(string? from, string? to, string source, string destination, int protocol, int port) =>
        new(from, to, IPAddress.Parse(source), IPAddress.Parse(destination), protocol, port);

    private static ConfigElement Build(params string[] lines)
    {
        var root = DeviceConfiguration.NewRoot();
        foreach (var line in lines)
        {
            var parsed = CommandLine.Parse(line, CliMode.Configuration);
            Assert.That(parsed, Is.TypeOf<ParsedCommand>(), line + ": " + (parsed as ParseFailure)?.Message);
            var set = (ConfigSetCommand)((ParsedCommand)parsed).Command;
            DeviceConfiguration.Set(root, set.Path, set.Assignments);
        }

        return root;
    }
}
