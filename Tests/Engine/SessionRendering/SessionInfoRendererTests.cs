using System.Text.RegularExpressions;
using VirtualFirewall.Engine.Rendering;

namespace VirtualFirewall.Tests.Engine.SessionRendering;

/// <summary>`show session info` against panos-cli-reference.md §3.3 and panos-cli-gaps.md Gap 2.1.</summary>
[TestFixture]
public sealed partial class SessionInfoRendererTests
{
    /// <summary>The PA-850 numbers of the 9.0 CLI Quick Start capture; every other value is a default.</summary>
    private static readonly SessionInfoView Pa850 = new() { Supported = 196606, CreatedSinceBootup = 5044051 };

    /// <summary>The 9.0 capture (COLLAPSED: wording and order only), after the echoed command.</summary>
    private static readonly string[] Collapsed90 =
    [
        "",
        "target-dp: *.dp0",
        "--------------------------------------------------------------------------------",
        "Number of sessions supported: 196606",
        "Number of allocated sessions: 0",
        "Number of active TCP sessions: 0",
        "Number of active UDP sessions: 0",
        "Number of active ICMP sessions: 0",
        "Number of active GTPc sessions: 0",
        "Number of active GTPu sessions: 0",
        "Number of pending GTPu sessions: 0",
        "Number of active BCAST sessions: 0",
        "Number of active MCAST sessions: 0",
        "Number of active predict sessions: 0",
        "Number of active SCTP sessions: 0",
        "Number of active SCTP associations: 0",
        "Session table utilization: 0%",
        "Number of sessions created since bootup: 5044051",
        "Packet rate: 0/s",
        "Throughput: 0 kbps",
        "New connection establish rate: 0 cps",
        "--------------------------------------------------------------------------------",
        "Session timeout",
        "TCP default timeout: 3600 secs",
        "TCP session timeout before SYN-ACK received: 5 secs",
        "TCP session timeout before 3-way handshaking: 10 secs",
        "TCP half-closed session timeout: 120 secs",
        "TCP session timeout in TIME_WAIT: 15 secs",
        "TCP session delayed ack timeout: 250 millisecs",
        "TCP session timeout for unverified RST: 30 secs",
        "UDP default timeout: 30 secs",
        "ICMP default timeout: 6 secs",
        "SCTP default timeout: 3600 secs",
        "SCTP timeout before INIT-ACK received: 5 secs",
        "SCTP timeout before COOKIE received: 60 secs",
        "SCTP timeout before SHUTDOWN received: 30 secs",
        "other IP default timeout: 30 secs",
        "Captive Portal session timeout: 30 secs",
        "Session timeout in discard state:",
        "TCP: 90 secs, UDP: 60 secs, SCTP: 60 secs, other IP protocols: 60 secs",
        "--------------------------------------------------------------------------------",
        "Session accelerated aging: True",
        "Accelerated aging threshold: 80% of utilization",
        "Scaling factor: 2 X",
        "--------------------------------------------------------------------------------",
        "Session setup",
        "TCP - reject non-SYN first packet: True",
        "Hardware session offloading: True",
        "Hardware UDP session offloading: True",
        "IPv6 firewalling: True",
        "Strict TCP/IP checksum: True",
        "Strict TCP RST sequence: True",
        "Reject TCP small initial window: False",
        "ICMP Unreachable Packet Rate: 200 pps",
        "--------------------------------------------------------------------------------",
        "Application trickling scan parameters:",
        "Timeout to determine application trickling: 10 secs",
        "Resource utilization threshold to start scan: 80%",
        "Scan scaling factor over regular aging: 8",
        "--------------------------------------------------------------------------------",
        "Session behavior when resource limit is reached: drop",
        "--------------------------------------------------------------------------------",
        "Pcap token bucket rate : 10485760",
        "--------------------------------------------------------------------------------",
        "Max pending queued mcast packets per session : 0",
        "--------------------------------------------------------------------------------",
    ];

    /// <summary>The aligned LIVEcommunity fragment (m-p/23486), verbatim lines.</summary>
    private static readonly string[] AlignedFragment =
    [
        "Session accelerated aging:                       True",
        "  Accelerated aging threshold:                   80% of utilization",
        "  Scaling factor:                                2 X",
        "Session setup",
        "  TCP - reject non-SYN first packet:             True",
        "  Hardware session offloading:                   True",
        "  IPv6 firewalling:                              True",
        "Application trickling scan parameters:",
        "  Timeout to determine application trickling:    10 secs",
        "  Resource utilization threshold to start scan:  80%",
        "  Scan scaling factor over regular aging:        8",
    ];

    [Test]
    public void EveryLineOfTheAlignedFragmentIsReproduced()
    {
        var lines = SessionInfoRenderer.Render(Pa850).Split('\n');

        Assert.That(AlignedFragment, Is.SubsetOf(lines));
    }

    /// <summary>The fragment's lines keep their relative order (its blank lines stand where separators were).</summary>
    [Test]
    public void AlignedFragmentLinesAppearInTheirOrder()
    {
        var lines = SessionInfoRenderer.Render(Pa850).Split('\n').ToList();
        var positions = AlignedFragment.Select(line => lines.IndexOf(line)).ToList();

        Assert.That(positions, Is.Ordered.Ascending);
    }

    [Test]
    public void WordingAndOrderMatchThe90Capture()
    {
        var lines = SessionInfoRenderer.Render(Pa850).TrimEnd('\n').Split('\n').Select(Collapse);

        Assert.That(lines, Is.EqualTo(Collapsed90));
    }

    /// <summary>
    /// The whole screen with the rules applied: values at column 49 (aligned fragment), timeout
    /// numbers right-justified in 4 (old aligned capture, Gap 2.1), discard line indented 4, the two
    /// unaligned ` : ` lines as the 9.0 capture prints them, 80-dash separators.
    /// </summary>
    [Test]
    public void Pa850ScreenInFull()
    {
        const string expected =
            "\n" +
            "target-dp:                                       *.dp0\n" +
            "--------------------------------------------------------------------------------\n" +
            "Number of sessions supported:                    196606\n" +
            "Number of allocated sessions:                    0\n" +
            "Number of active TCP sessions:                   0\n" +
            "Number of active UDP sessions:                   0\n" +
            "Number of active ICMP sessions:                  0\n" +
            "Number of active GTPc sessions:                  0\n" +
            "Number of active GTPu sessions:                  0\n" +
            "Number of pending GTPu sessions:                 0\n" +
            "Number of active BCAST sessions:                 0\n" +
            "Number of active MCAST sessions:                 0\n" +
            "Number of active predict sessions:               0\n" +
            "Number of active SCTP sessions:                  0\n" +
            "Number of active SCTP associations:              0\n" +
            "Session table utilization:                       0%\n" +
            "Number of sessions created since bootup:         5044051\n" +
            "Packet rate:                                     0/s\n" +
            "Throughput:                                      0 kbps\n" +
            "New connection establish rate:                   0 cps\n" +
            "--------------------------------------------------------------------------------\n" +
            "Session timeout\n" +
            "  TCP default timeout:                           3600 secs\n" +
            "  TCP session timeout before SYN-ACK received:      5 secs\n" +
            "  TCP session timeout before 3-way handshaking:    10 secs\n" +
            "  TCP half-closed session timeout:                120 secs\n" +
            "  TCP session timeout in TIME_WAIT:                15 secs\n" +
            "  TCP session delayed ack timeout:                250 millisecs\n" +
            "  TCP session timeout for unverified RST:          30 secs\n" +
            "  UDP default timeout:                             30 secs\n" +
            "  ICMP default timeout:                             6 secs\n" +
            "  SCTP default timeout:                          3600 secs\n" +
            "  SCTP timeout before INIT-ACK received:            5 secs\n" +
            "  SCTP timeout before COOKIE received:             60 secs\n" +
            "  SCTP timeout before SHUTDOWN received:           30 secs\n" +
            "  other IP default timeout:                        30 secs\n" +
            "  Captive Portal session timeout:                  30 secs\n" +
            "  Session timeout in discard state:\n" +
            "    TCP: 90 secs, UDP: 60 secs, SCTP: 60 secs, other IP protocols: 60 secs\n" +
            "--------------------------------------------------------------------------------\n" +
            "Session accelerated aging:                       True\n" +
            "  Accelerated aging threshold:                   80% of utilization\n" +
            "  Scaling factor:                                2 X\n" +
            "--------------------------------------------------------------------------------\n" +
            "Session setup\n" +
            "  TCP - reject non-SYN first packet:             True\n" +
            "  Hardware session offloading:                   True\n" +
            "  Hardware UDP session offloading:               True\n" +
            "  IPv6 firewalling:                              True\n" +
            "  Strict TCP/IP checksum:                        True\n" +
            "  Strict TCP RST sequence:                       True\n" +
            "  Reject TCP small initial window:               False\n" +
            "  ICMP Unreachable Packet Rate:                  200 pps\n" +
            "--------------------------------------------------------------------------------\n" +
            "Application trickling scan parameters:\n" +
            "  Timeout to determine application trickling:    10 secs\n" +
            "  Resource utilization threshold to start scan:  80%\n" +
            "  Scan scaling factor over regular aging:        8\n" +
            "--------------------------------------------------------------------------------\n" +
            "Session behavior when resource limit is reached: drop\n" +
            "--------------------------------------------------------------------------------\n" +
            "Pcap token bucket rate : 10485760\n" +
            "--------------------------------------------------------------------------------\n" +
            "Max pending queued mcast packets per session : 0\n" +
            "--------------------------------------------------------------------------------\n";

        Assert.That(SessionInfoRenderer.Render(Pa850), Is.EqualTo(expected));
    }

    /// <summary>The per-DP fixture's `Number of sessions supported:                    200000` (SYNTHETIC, same rule).</summary>
    [Test]
    public void CountersAndLiveValuesSitAtColumn49()
    {
        var view = new SessionInfoView
        {
            Supported = 200000,
            Allocated = 12,
            ActiveTcp = 7,
            ActiveUdp = 4,
            ActiveIcmp = 1,
            UtilizationPercent = 3,
            PacketRate = 3298,
            ThroughputKbps = 20321,
            NewConnectionRate = 14,
        };

        var lines = SessionInfoRenderer.Render(view).Split('\n');

        Assert.That(lines, Does.Contain("Number of sessions supported:                    200000"));
        Assert.That(lines, Does.Contain("Number of allocated sessions:                    12"));
        Assert.That(lines, Does.Contain("Number of active ICMP sessions:                  1"));
        Assert.That(lines, Does.Contain("Session table utilization:                       3%"));
        Assert.That(lines, Does.Contain("Packet rate:                                     3298/s"));
        Assert.That(lines, Does.Contain("Throughput:                                      20321 kbps"));
        Assert.That(lines, Does.Contain("New connection establish rate:                   14 cps"));
    }

    [Test]
    public void ChangedTimeoutsKeepTheirRightJustifiedField()
    {
        var view = Pa850 with { TcpDefaultTimeout = 86400, UdpTimeout = 5, DiscardTcpTimeout = 30 };

        var lines = SessionInfoRenderer.Render(view).Split('\n');

        Assert.That(lines, Does.Contain("  TCP default timeout:                           86400 secs"));
        Assert.That(lines, Does.Contain("  UDP default timeout:                              5 secs"));
        Assert.That(lines, Does.Contain("    TCP: 30 secs, UDP: 60 secs, SCTP: 60 secs, other IP protocols: 60 secs"));
    }

    [Test]
    public void WithoutATargetDpTheScreenOpensOnTheSeparator() =>
        Assert.That(
            SessionInfoRenderer.Render(Pa850 with { TargetDp = null }),
            Does.StartWith("\n--------------------------------------------------------------------------------\nNumber of sessions supported:"));

    [Test]
    public void NoLineEndsInASpace() =>
        Assert.That(SessionInfoRenderer.Render(Pa850).Split('\n'), Has.None.EndsWith(" "));

    private static string Collapse(string line) => Spaces().Replace(line.Trim(' '), " ");

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();
}
