using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Engine.Policy;
using VirtualFirewall.Engine.Rendering.Policy;
using VirtualFirewall.Engine.Time;
using static VirtualFirewall.Tests.Engine.Network.NetworkSamples;

namespace VirtualFirewall.Tests.Engine.Policy;

[TestFixture]
public sealed class PolicyRendererTests
{
    private static readonly ServiceEntry[] WebPorts = [new("tcp", "8000"), new("tcp", "80"), new("tcp", "8080")];

    /// <summary>paloalto_panos_show_running_security-policy.raw, every byte.</summary>
    [Test]
    public void Running_security_policy_matches_the_sample()
    {
        SecurityRule[] rules =
        [
            Rule("Outside Web Server", 1, "Trust", "10.1.1.0/24", "Untrust", "200.10.10.10") with { ServiceKind = ServiceKind.Listed, Services = WebPorts },
            Rule("ICMP Any", 2, "Trust", "any", "Untrust", "any") with { Applications = ["icmp", "ping"], ServiceKind = ServiceKind.ApplicationDefault },
            Rule("DNS Outbound", 3, "Trust", "10.1.1.0/24", "Untrust", "8.8.8.8", "8.8.4.4") with { Applications = ["dns"], ServiceKind = ServiceKind.Listed, Services = [new("udp", "53")] },
            Rule("Inbound to DMZ Web", 4, "Untrust", "any", "DMZ", "200.10.10.100") with { ServiceKind = ServiceKind.Listed, Services = WebPorts },
            Rule("Inbound to DMZ Deny", 5, "Untrust", "any", "DMZ", "any") with { Action = "deny" },
            Rule("Disabled rules are not deployed", 6, "Untrust", "any", "DMZ", "any") with { Disabled = true },
        ];
        var intrazone = new SecurityRule { Name = "intrazone-default", Index = 7, DefaultType = "intrazone" };
        var interzone = new SecurityRule { Name = "interzone-default", Index = 8, Action = "deny", DefaultType = "interzone" };

        var text = SecurityPolicyRenderer.Running(rules, intrazone, interzone);

        Assert.That(text, Is.EqualTo(Read("paloalto_panos_show_running_security-policy.raw")));
    }

    /// <summary>paloalto_panos_test_security-policy-match.raw, every byte: three answers, a blank line between them (the file has no final newline).</summary>
    [Test]
    public void Security_policy_match_answers_match_the_sample()
    {
        SecurityRule[] answers =
        [
            Rule("Allow 10.125.100.58-To-Google DNS", 1, "Internal", "10.125.100.58", "External", "8.8.8.8") with { ServiceKind = ServiceKind.Listed, Services = [new("tcp", "59")] },
            Rule("Allow 10.125.100.58-To-1.1.1.1", 2, "Internal", "10.125.100.58", "External", "1.1.1.1") with { ServiceKind = ServiceKind.Listed, Services = [new("tcp", "53")] },
            Rule("Allow DNS_Objects-To-192.0.2.10", 4, "Internal", "any", "External", "192.0.2.10") with
            {
                Source = new AddressSet(false, [], ["1.1.1.1", "8.8.8.8"]),
                ServiceKind = ServiceKind.Listed,
                Services = [new("tcp", "53"), new("tcp", "54")],
            },
        ];

        var text = string.Join("\n", answers.Select(SecurityPolicyRenderer.Match));

        Assert.That(text, Is.EqualTo(Read("paloalto_panos_test_security-policy-match.raw") + "\n"));
    }

    /// <summary>paloalto_panos_show_running_nat-policy.raw, every byte.</summary>
    [Test]
    public void Running_nat_policy_matches_the_sample()
    {
        NatRule[] rules =
        [
            new()
            {
                Name = "NAT default", Index = 1, From = ["Trust"], To = ["Untrust"], Source = Addresses("10.1.1.0/24"),
                TranslateTo = "src: ethernet1/1 200.10.10.1 (dynamic-ip-and-port) (pool idx: 2)",
            },
            new() { Name = "disabled", Index = 2, Disabled = true },
            new() { Name = "Inbound-NAT-to-DMZ-Server1", Index = 3, From = ["Untrust"], To = ["Untrust"], Destination = Addresses("200.10.10.100"), TranslateTo = "dst: 10.1.2.10" },
        ];

        Assert.That(NatPolicyRenderer.Render(rules), Is.EqualTo(Read("paloalto_panos_show_running_nat-policy.raw")));
    }

    /// <summary>paloalto_panos_show_running_nat-policy1.raw: an egress interface is followed by a space before the semicolon.</summary>
    [Test]
    public void A_nat_egress_interface_keeps_the_space_before_its_semicolon()
    {
        var text = NatPolicyRenderer.Render([new NatRule { Name = "r", Index = 1, ToInterface = "ethernet1/5" }]);

        Assert.That(text.Split('\n'), Does.Contain(Lines("paloalto_panos_show_running_nat-policy1.raw")[5]));
        Assert.That(Lines("paloalto_panos_show_running_nat-policy1.raw")[5], Is.EqualTo("        to-interface ethernet1/5 ;"));
    }

    [Test]
    public void The_default_nat_rules_describe_their_translations()
    {
        var rules = NatPolicy.Of(DefaultDevice.Create(new ManualTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero))).Configuration.Running).Rules;

        Assert.That(rules.Select(r => r.TranslateTo), Is.EqualTo(new[] { "src: ethernet1/1 203.0.113.1 (dynamic-ip-and-port) (pool idx: 1)", "dst: 192.168.50.10" }));
        Assert.That(rules[1].Destination.Shown, Is.EqualTo(new[] { "203.0.113.10" }));
    }

    private static SecurityRule Rule(string name, int index, string from, string source, string to, params string[] destinations) => new()
    {
        Name = name,
        Index = index,
        From = [from],
        To = [to],
        Source = Addresses(source),
        Destination = destinations is ["any"] ? AddressSet.Any : new AddressSet(false, [], destinations),
    };

    private static AddressSet Addresses(string shown) => shown == "any" ? AddressSet.Any : new AddressSet(false, [], [shown]);
}
