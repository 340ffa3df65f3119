using VirtualFirewall.Engine.Logs;
using VirtualFirewall.Engine.Sessions;
using static VirtualFirewall.Tests.Engine.TrafficLogs.TrafficLogSamples;

namespace VirtualFirewall.Tests.Engine.TrafficLogs;

/// <summary>The filter of `show log traffic query equal "..."`: the web UI's log filter language.</summary>
[TestFixture]
public sealed class TrafficLogQueryTests
{
    // flash: 192.168.210.103:4433 trust -> 198.172.88.60:80 VPN, TCP-logging, TCP FIN, id 1.
    // incomplete: 203.0.113.45:52405 untrust -> 203.0.113.10:135 untrust, allow-any, Aged out, id 3.
    // ms-update: 192.168.210.104:4402 trust -> 198.172.88.61:80 VPN, TCP-logging, TCP RST - client, id 2.
    private static readonly TrafficLogEntry[] Entries = KbRowsNewestFirst();

    private static readonly TrafficLogEntry Denied = Entry(9, At(17, 0, 0), "dns", "trust", "10.0.0.5", 53000, "block-dns", "untrust", "8.8.8.8", 53,
        TrackerStage.AppidPolicyLookupDeny, RuleAction.Deny, protocol: 17) with
    {
        SourceUser = "corp\\alice",
        Vsys = "vsys2",
        BytesSent = 70,
        BytesReceived = 0,
        PacketsSent = 1,
        ElapsedSeconds = 0,
    };

    private static readonly TrafficLogEntry Ping = Entry(10, At(17, 0, 1), "ping", "trust", "2001:db8::10", 0, "allow-ping", "untrust", "2001:db8:1::1", 0,
        TrackerStage.AgedOut, protocol: 1) with
    {
        BytesSent = 1000,
        BytesReceived = 1000,
        PacketsSent = 10,
        PacketsReceived = 10,
        ElapsedSeconds = 6,
    };

    private static IEnumerable<TrafficLogEntry> All => [.. Entries, Denied, Ping];

    [TestCase("(addr.src in 192.168.210.103)", ExpectedResult = "flash")]
    [TestCase("(addr.src in 192.168.210.0/24)", ExpectedResult = "flash ms-update")]
    [TestCase("(addr.src in 192.168.210.104/32)", ExpectedResult = "ms-update")]
    [TestCase("(addr.src in 10.10.10.2/8)", ExpectedResult = "dns")]
    [TestCase("(addr.src in 0.0.0.0/0)", ExpectedResult = "flash incomplete ms-update dns")]
    [TestCase("(addr.src notin 192.168.210.0/24)", ExpectedResult = "incomplete dns ping")]
    [TestCase("(addr.src eq 203.0.113.45)", ExpectedResult = "incomplete")]
    [TestCase("(addr.src neq 203.0.113.45)", ExpectedResult = "flash ms-update dns ping")]
    [TestCase("(addr.dst in 198.172.88.60/31)", ExpectedResult = "flash ms-update")]
    [TestCase("(addr.dst in 198.172.88.0/24)", ExpectedResult = "flash ms-update")]
    [TestCase("(addr.dst in 2001:db8::/32)", ExpectedResult = "ping")]
    [TestCase("(addr.dst in 2001:db8:1::1)", ExpectedResult = "ping")]
    [TestCase("(addr in 203.0.113.10)", ExpectedResult = "incomplete")]
    [TestCase("(addr in 8.8.8.8) or (addr in 10.0.0.5)", ExpectedResult = "dns")]
    [TestCase("!(addr in 203.0.113.0/24)", ExpectedResult = "flash ms-update dns ping")]
    [TestCase("(app eq ms-update)", ExpectedResult = "ms-update")]
    [TestCase("(app neq ms-update)", ExpectedResult = "flash incomplete dns ping")]
    [TestCase("(app eq MS-UPDATE)", ExpectedResult = "")]
    [TestCase("(rule eq allow-any)", ExpectedResult = "incomplete")]
    [TestCase("(rule eq TCP-logging)", ExpectedResult = "flash ms-update")]
    [TestCase("(zone.src eq trust)", ExpectedResult = "flash ms-update dns ping")]
    [TestCase("(zone.src eq untrust)", ExpectedResult = "incomplete")]
    [TestCase("(zone.dst eq untrust)", ExpectedResult = "incomplete dns ping")]
    [TestCase("(zone.dst eq VPN)", ExpectedResult = "flash ms-update")]
    [TestCase("(port.dst eq 80)", ExpectedResult = "flash ms-update")]
    [TestCase("(port.dst neq 80)", ExpectedResult = "incomplete dns ping")]
    [TestCase("(port.dst geq 135)", ExpectedResult = "incomplete")]
    [TestCase("(port.dst leq 53)", ExpectedResult = "dns ping")]
    [TestCase("(port.src eq 52405)", ExpectedResult = "incomplete")]
    [TestCase("(port.src geq 4433) and (port.src leq 52405)", ExpectedResult = "flash incomplete")]
    [TestCase("(session_end_reason eq tcp-fin)", ExpectedResult = "flash")]
    [TestCase("(session_end_reason eq aged-out)", ExpectedResult = "incomplete ping")]
    [TestCase("(session_end_reason eq tcp-rst-from-client)", ExpectedResult = "ms-update")]
    [TestCase("(session_end_reason eq policy-deny)", ExpectedResult = "dns")]
    [TestCase("(session_end_reason neq aged-out)", ExpectedResult = "flash ms-update dns")]
    [TestCase("(action eq deny)", ExpectedResult = "dns")]
    [TestCase("(action eq allow)", ExpectedResult = "flash incomplete ms-update ping")]
    [TestCase("(user.src eq corp\\alice)", ExpectedResult = "dns")]
    [TestCase("(user.src eq 'corp\\alice')", ExpectedResult = "dns")]
    [TestCase("(user.dst neq '')", ExpectedResult = "")]
    [TestCase("(vsys eq vsys2)", ExpectedResult = "dns")]
    [TestCase("(proto eq 17)", ExpectedResult = "dns")]
    [TestCase("(proto eq udp)", ExpectedResult = "dns")]
    [TestCase("(proto eq ICMP)", ExpectedResult = "ping")]
    [TestCase("(proto neq tcp)", ExpectedResult = "dns ping")]
    [TestCase("(sessionid eq 3)", ExpectedResult = "incomplete")]
    [TestCase("(sessionid geq 9)", ExpectedResult = "dns ping")]
    [TestCase("(bytes geq 2000)", ExpectedResult = "ping")]
    [TestCase("(bytes_sent eq 70)", ExpectedResult = "dns")]
    [TestCase("(bytes_received geq 1000)", ExpectedResult = "ping")]
    [TestCase("(packets eq 20)", ExpectedResult = "ping")]
    [TestCase("(elapsed leq 6)", ExpectedResult = "dns ping")]
    public string FieldsAndOperators(string filter) => Matching(filter);

    [TestCase("(zone.src eq trust) and (port.dst eq 80) or (app eq incomplete)", ExpectedResult = "flash incomplete ms-update")]
    [TestCase("(app eq incomplete) or (zone.src eq trust) and (port.dst eq 80)", ExpectedResult = "flash incomplete ms-update")]
    [TestCase("(app eq incomplete) or (zone.src eq trust) and (port.dst eq 53)", ExpectedResult = "incomplete dns")]
    [TestCase("((app eq incomplete) or (zone.src eq trust)) and (port.dst eq 53)", ExpectedResult = "dns")]
    [TestCase("not (zone.src eq trust) or (app eq dns)", ExpectedResult = "incomplete dns")]
    [TestCase("not ((zone.src eq trust) or (app eq dns))", ExpectedResult = "incomplete")]
    [TestCase("!(zone.src eq trust) and !(app eq incomplete)", ExpectedResult = "")]
    [TestCase("not not (app eq flash)", ExpectedResult = "flash")]
    [TestCase("(zone.src eq trust) and not (rule eq TCP-logging) and (proto eq udp)", ExpectedResult = "dns")]
    public string AndBindsTighterThanOrAndNotTighterThanBoth(string filter) => Matching(filter);

    [TestCase("app eq flash", ExpectedResult = "flash")]
    [TestCase("(app eq flash)or(app eq dns)", ExpectedResult = "flash dns")]
    [TestCase("  ( app   eq   flash )  ", ExpectedResult = "flash")]
    [TestCase("(APP EQ flash) AND (Zone.Src Eq trust)", ExpectedResult = "flash")]
    [TestCase("(rule eq \"allow-any\")", ExpectedResult = "incomplete")]
    [TestCase("(((app eq flash)))", ExpectedResult = "flash")]
    [TestCase("", ExpectedResult = "flash incomplete ms-update dns ping")]
    [TestCase("   ", ExpectedResult = "flash incomplete ms-update dns ping")]
    public string SpellingsThatParse(string filter) => Matching(filter);

    [Test]
    public void AQuotedValueMayHoldSpacesAndKeywords()
    {
        var spaced = Denied with { Rule = "allow any or not" };
        Assert.That(TrafficLogQuery.TryParse("(rule eq 'allow any or not')", out var query), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(query!.Matches(spaced), Is.True);
            Assert.That(query.Matches(Denied), Is.False);
            Assert.That(query.Text, Is.EqualTo("(rule eq 'allow any or not')"));
        });
    }

    [TestCase("(")]
    [TestCase(")")]
    [TestCase("()")]
    [TestCase("(app eq flash")]
    [TestCase("app eq flash)")]
    [TestCase("(app eq flash))")]
    [TestCase("(app eq)")]
    [TestCase("(app flash)")]
    [TestCase("(app)")]
    [TestCase("(app eq flash extra)")]
    [TestCase("(app eq flash) (app eq dns)")]
    [TestCase("(app eq flash) and")]
    [TestCase("(app eq flash) or or (app eq dns)")]
    [TestCase("and (app eq flash)")]
    [TestCase("not")]
    [TestCase("!")]
    [TestCase("(app == flash)")]
    [TestCase("(app in flash)")]
    [TestCase("(app geq flash)")]
    [TestCase("(application eq flash)")]
    [TestCase("(src in 10.0.0.1)")]
    [TestCase("(addr.src in 10.0.0)")]
    [TestCase("(addr.src in 10.0.0.256)")]
    [TestCase("(addr.src in 1)")]
    [TestCase("(addr.src eq 10.0.0)")]
    [TestCase("(addr.src in 10.0.0.1.)")]
    [TestCase("(addr.src in fe80::1%eth0)")]
    [TestCase("(addr.src in 10.0.0.0/33)")]
    [TestCase("(addr.src in 10.0.0.0/)")]
    [TestCase("(addr.src in 10.0.0.0/-1)")]
    [TestCase("(addr.src in 2001:db8::/129)")]
    [TestCase("(addr.src in trust)")]
    [TestCase("(addr.src eq 10.0.0.0/24)")]
    [TestCase("(addr.src geq 10.0.0.1)")]
    [TestCase("(port.dst eq https)")]
    [TestCase("(port.dst eq -1)")]
    [TestCase("(port.dst in 443)")]
    [TestCase("(proto eq sctp)")]
    [TestCase("(proto eq 256)")]
    [TestCase("(proto geq 6)")]
    [TestCase("(session_end_reason in tcp-fin)")]
    [TestCase("(rule eq 'allow-any)")]
    [TestCase("(rule eq \"allow-any)")]
    public void InvalidFiltersGiveNoQuery(string filter)
    {
        Assert.Multiple(() =>
        {
            Assert.That(TrafficLogQuery.TryParse(filter, out var query), Is.False);
            Assert.That(query, Is.Null);
        });
    }

    [Test]
    public void NullTextAndNullEntriesAreProgrammingErrors()
    {
        Assert.That(() => TrafficLogQuery.TryParse(null!, out _), Throws.ArgumentNullException);
        Assert.That(TrafficLogQuery.TryParse("(app eq flash)", out var query), Is.True);
        Assert.That(() => query!.Matches(null!), Throws.ArgumentNullException);
    }

    private static string Matching(string filter)
    {
        Assert.That(TrafficLogQuery.TryParse(filter, out var query), Is.True, filter);
        return string.Join(' ', All.Where(query!.Matches).Select(e => e.Application));
    }
}
