using VirtualFirewall.Engine.Logs;
using VirtualFirewall.Engine.Rendering;
using VirtualFirewall.Engine.Sessions;
using static VirtualFirewall.Tests.Engine.TrafficLogs.TrafficLogSamples;

namespace VirtualFirewall.Tests.Engine.TrafficLogs;

/// <summary>`show log traffic` against the session-tracker KB's example (the only capture).</summary>
[TestFixture]
public sealed class TrafficLogRendererTests
{
    /// <summary>
    /// The KB block from its header to its last row, as the CLI printed it: the page's NBSPs read as
    /// spaces, the empty line the page put after every line removed (the one extra line after the
    /// header is the blank line), `TCP RST – client`'s en dash as the CLI's hyphen.
    /// </summary>
    private const string KbBlock =
        "Time                App             From            Src Port          Source\n" +
        "Rule                Action          To              Dst Port          Destination\n" +
        "Src User            Dst User        Session Info\n" +
        "\n" +
        "2013/09/09 16:44:01 flash           trust           4433    \n" +
        "TCP-logging         allow           VPN             80      \n" +
        "                                                    TCP FIN\n" +
        "2013/09/09 16:44:00 incomplete      untrust         52405   \n" +
        "allow-any           allow           untrust         135     \n" +
        "                                                    Aged out\n" +
        "2013/09/09 16:40:25 ms-update       trust           4402    \n" +
        "TCP-logging         allow           VPN             80      \n" +
        "                                                    TCP RST - client\n";

    /// <summary>The KB page's lines (session-tracker-kb.txt, its empty lines left out), NBSPs and en dash as stored.</summary>
    private static readonly string[] KbPageLines =
    [
        "Time\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 App\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 From\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 Src Port\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 Source",
        "Rule\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 Action\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 To\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 Dst Port\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 Destination",
        "Src User\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 Dst User\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 Session Info",
        "2013/09/09 16:44:01 flash\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 trust\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 4433\u00A0\u00A0\u00A0\u00A0",
        "TCP-logging\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 allow\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 VPN\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 80\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0",
        "\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 TCP FIN",
        "2013/09/09 16:44:00 incomplete\u00A0\u00A0\u00A0\u00A0\u00A0 untrust\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 52405\u00A0\u00A0\u00A0",
        "allow-any\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 allow\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 untrust\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 135\u00A0\u00A0\u00A0\u00A0\u00A0",
        "\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 Aged out",
        "2013/09/09 16:40:25 ms-update\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 trust\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 4402\u00A0\u00A0\u00A0\u00A0",
        "TCP-logging\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 allow\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 VPN\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 80\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0",
        "\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0 TCP RST \u2013 client",
    ];

    /// <summary>The KB's rows byte for byte, once the addresses the page dropped are dropped here too.</summary>
    [Test]
    public void KbExampleWithTheAddressesTheKbDropped()
    {
        var entries = KbRowsNewestFirst();
        var text = TrafficLogRenderer.Render(entries, showTracker: true, ToLocal);

        Assert.That(text, Does.StartWith("\n"));
        Assert.That(WithoutAddresses(text, entries), Is.EqualTo("\n" + KbBlock));
    }

    /// <summary>The same, line for line against the page's own text: only NBSP and the en dash differ.</summary>
    [Test]
    public void KbExampleAgainstThePageText()
    {
        var entries = KbRowsNewestFirst();
        var lines = WithoutAddresses(TrafficLogRenderer.Render(entries, showTracker: true, ToLocal), entries)
            .Split('\n')
            .Where(line => line.Length > 0);
        var page = KbPageLines.Select(line => line.Replace('\u00A0', ' ').Replace('\u2013', '-'));

        Assert.That(lines, Is.EqualTo(page));
    }

    /// <summary>RECONSTRUCTED: the addresses at column 60, right after the 8-wide port fields.</summary>
    [Test]
    public void KbExampleWithAddresses()
    {
        const string expected =
            "\n" +
            "Time                App             From            Src Port          Source\n" +
            "Rule                Action          To              Dst Port          Destination\n" +
            "Src User            Dst User        Session Info\n" +
            "\n" +
            "2013/09/09 16:44:01 flash           trust           4433    192.168.210.103\n" +
            "TCP-logging         allow           VPN             80      198.172.88.60\n" +
            "                                                    TCP FIN\n" +
            "2013/09/09 16:44:00 incomplete      untrust         52405   203.0.113.45\n" +
            "allow-any           allow           untrust         135     203.0.113.10\n" +
            "                                                    Aged out\n" +
            "2013/09/09 16:40:25 ms-update       trust           4402    192.168.210.104\n" +
            "TCP-logging         allow           VPN             80      198.172.88.61\n" +
            "                                                    TCP RST - client\n";

        Assert.That(TrafficLogRenderer.Render(KbRowsNewestFirst(), showTracker: true, ToLocal), Is.EqualTo(expected));
    }

    [Test]
    public void WithoutShowTrackerTheSessionInfoLinesAreLeftOut()
    {
        const string expected =
            "\n" +
            "Time                App             From            Src Port          Source\n" +
            "Rule                Action          To              Dst Port          Destination\n" +
            "\n" +
            "2013/09/09 16:44:01 flash           trust           4433    192.168.210.103\n" +
            "TCP-logging         allow           VPN             80      198.172.88.60\n" +
            "2013/09/09 16:44:00 incomplete      untrust         52405   203.0.113.45\n" +
            "allow-any           allow           untrust         135     203.0.113.10\n";

        Assert.That(TrafficLogRenderer.Render(KbRowsNewestFirst().Take(2), showTracker: false, ToLocal), Is.EqualTo(expected));
    }

    [Test]
    public void AnEmptySelectionPrintsTheHeaderAlone()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TrafficLogRenderer.Render([], showTracker: true, ToLocal), Is.EqualTo(
                "\n" +
                "Time                App             From            Src Port          Source\n" +
                "Rule                Action          To              Dst Port          Destination\n" +
                "Src User            Dst User        Session Info\n" +
                "\n"));
            Assert.That(TrafficLogRenderer.Render([], showTracker: false, ToLocal), Is.EqualTo(
                "\n" +
                "Time                App             From            Src Port          Source\n" +
                "Rule                Action          To              Dst Port          Destination\n" +
                "\n"));
        });
    }

    [Test]
    public void KnownUsersSitUnderTheirHeadersAndLongValuesKeepOneSpace()
    {
        var entry = Entry(7, At(9, 5, 3), "ms-office365-base-long", "trust-zone-number-1", "2001:db8::10", 65535,
            "a-rule-name-longer-than-twenty", "untrust", "2001:db8:ffff::1", 443, TrackerStage.MitigationTdb, RuleAction.Deny) with
        {
            SourceUser = "corp\\alice",
            DestinationUser = "a-very-long-user-name",
        };

        const string expected =
            "2013/09/09 09:05:03 ms-office365-base-long trust-zone-number-1 65535   2001:db8::10\n" +
            "a-rule-name-longer-than-twenty deny            untrust         443     2001:db8:ffff::1\n" +
            "corp\\alice          a-very-long-user-name                 mitigation tdb\n";

        var text = TrafficLogRenderer.Render([entry], showTracker: true, ToLocal);
        Assert.That(text[text.IndexOf("\n\n", StringComparison.Ordinal)..], Is.EqualTo("\n\n" + expected));
    }

    [Test]
    public void TheTimeIsTheReceiveTimeOnTheDeviceClock()
    {
        var entry = KbRowsNewestFirst()[0] with { ReceiveTime = new DateTimeOffset(2013, 12, 31, 23, 59, 59, TimeSpan.Zero) };

        var text = TrafficLogRenderer.Render([entry], showTracker: false, time => time.UtcDateTime.AddHours(2));

        Assert.That(text, Does.Contain("\n2014/01/01 01:59:59 flash "));
    }

    /// <summary>Removes each entry's addresses from the end of its lines, as the KB page did.</summary>
    private static string WithoutAddresses(string text, IEnumerable<TrafficLogEntry> entries)
    {
        foreach (var entry in entries)
        {
            text = text.Replace(entry.Source + "\n", "\n", StringComparison.Ordinal)
                .Replace(entry.Destination + "\n", "\n", StringComparison.Ordinal);
        }

        return text;
    }
}
