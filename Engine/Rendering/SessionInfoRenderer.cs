using System.Globalization;
using System.Text;

namespace VirtualFirewall.Engine.Rendering;

/// <summary>
/// `show session info` (panos-cli-reference.md §3.3, panos-cli-gaps.md Gap 2.1).
///
/// Line order and wording: the PA-850 PAN-OS 9.0 capture of the 10.0 CLI Quick Start (COLLAPSED: its
/// whitespace is lost, so it proves nothing about spacing). Spacing:
/// - `label:` left-justified in 49 columns, value at column 49: proven by the aligned LIVEcommunity
///   fragment (`Session accelerated aging:                       True`, the 2-space-indented sub-items)
///   and consistent with the per-DP fixture (`target-dp:                                       *.dp0`).
///   The counters block above the first timeout has no aligned capture in the 9.x wording; it takes the
///   same 49 (the old aligned capture of Gap 2.1 aligns that block with the rest of its output too).
/// - `Session timeout` sub-items: indented 2 with their numbers right-justified in 4 columns
///   (`  TCP session timeout before 3-way handshaking:    5 seconds` in the old aligned capture, the only
///   aligned capture of that block), here at column 49 with the 9.0 words `secs` / `millisecs`.
/// - The discard-state line indented 4 (old aligned capture).
/// - `Pcap token bucket rate : ...` and `Max pending queued mcast packets per session : ...` use
///   ` : ` with no alignment (9.0 capture; being unaligned, the collapse could not have changed them).
/// - Separators: 80 dashes (9.0 capture; the 4.x/5.0 capture had 79).
/// - A blank line after the command (9.0 capture; also the old aligned capture).
/// </summary>
public static class SessionInfoRenderer
{
    private const int ValueColumn = 49;
    private const int TimeoutNumberWidth = 4;
    private const string SubIndent = "  ";
    private const string DiscardIndent = "    ";
    private static readonly string Rule = new('-', 80);

    public static string Render(SessionInfoView view)
    {
        ArgumentNullException.ThrowIfNull(view);

        var text = new StringBuilder(4096);
        void Aligned(string label, string value) =>
            text.Append(label.PadRight(ValueColumn)).Append(value).Append('\n');
        void Line(string line) => text.Append(line).Append('\n');
        void Separator() => Line(Rule);
        void Timeout(string label, long value, string unit = "secs") =>
            Aligned(SubIndent + label, Number(value).PadLeft(TimeoutNumberWidth) + " " + unit);

        text.Append('\n');
        if (view.TargetDp is not null)
        {
            Aligned("target-dp:", view.TargetDp);
        }

        Separator();
        Aligned("Number of sessions supported:", Number(view.Supported));
        Aligned("Number of allocated sessions:", Number(view.Allocated));
        Aligned("Number of active TCP sessions:", Number(view.ActiveTcp));
        Aligned("Number of active UDP sessions:", Number(view.ActiveUdp));
        Aligned("Number of active ICMP sessions:", Number(view.ActiveIcmp));
        Aligned("Number of active GTPc sessions:", Number(view.ActiveGtpc));
        Aligned("Number of active GTPu sessions:", Number(view.ActiveGtpu));
        Aligned("Number of pending GTPu sessions:", Number(view.PendingGtpu));
        Aligned("Number of active BCAST sessions:", Number(view.ActiveBcast));
        Aligned("Number of active MCAST sessions:", Number(view.ActiveMcast));
        Aligned("Number of active predict sessions:", Number(view.ActivePredict));
        Aligned("Number of active SCTP sessions:", Number(view.ActiveSctp));
        Aligned("Number of active SCTP associations:", Number(view.ActiveSctpAssociations));
        Aligned("Session table utilization:", Number(view.UtilizationPercent) + "%");
        Aligned("Number of sessions created since bootup:", Number(view.CreatedSinceBootup));
        Aligned("Packet rate:", Number(view.PacketRate) + "/s");
        Aligned("Throughput:", Number(view.ThroughputKbps) + " kbps");
        Aligned("New connection establish rate:", Number(view.NewConnectionRate) + " cps");
        Separator();

        Line("Session timeout");
        Timeout("TCP default timeout:", view.TcpDefaultTimeout);
        Timeout("TCP session timeout before SYN-ACK received:", view.TcpSynAckTimeout);
        Timeout("TCP session timeout before 3-way handshaking:", view.TcpHandshakeTimeout);
        Timeout("TCP half-closed session timeout:", view.TcpHalfClosedTimeout);
        Timeout("TCP session timeout in TIME_WAIT:", view.TcpTimeWaitTimeout);
        Timeout("TCP session delayed ack timeout:", view.TcpDelayedAckMilliseconds, "millisecs");
        Timeout("TCP session timeout for unverified RST:", view.TcpUnverifiedRstTimeout);
        Timeout("UDP default timeout:", view.UdpTimeout);
        Timeout("ICMP default timeout:", view.IcmpTimeout);
        Timeout("SCTP default timeout:", view.SctpTimeout);
        Timeout("SCTP timeout before INIT-ACK received:", view.SctpInitAckTimeout);
        Timeout("SCTP timeout before COOKIE received:", view.SctpCookieTimeout);
        Timeout("SCTP timeout before SHUTDOWN received:", view.SctpShutdownTimeout);
        Timeout("other IP default timeout:", view.OtherIpTimeout);
        Timeout("Captive Portal session timeout:", view.CaptivePortalTimeout);
        Line(SubIndent + "Session timeout in discard state:");
        Line(string.Create(
            CultureInfo.InvariantCulture,
            $"{DiscardIndent}TCP: {view.DiscardTcpTimeout} secs, UDP: {view.DiscardUdpTimeout} secs, SCTP: {view.DiscardSctpTimeout} secs, other IP protocols: {view.DiscardOtherTimeout} secs"));
        Separator();

        Aligned("Session accelerated aging:", Bool(view.AcceleratedAging));
        Aligned(SubIndent + "Accelerated aging threshold:", Number(view.AcceleratedAgingThreshold) + "% of utilization");
        Aligned(SubIndent + "Scaling factor:", Number(view.AcceleratedAgingScalingFactor) + " X");
        Separator();

        Line("Session setup");
        Aligned(SubIndent + "TCP - reject non-SYN first packet:", Bool(view.RejectNonSynFirstPacket));
        Aligned(SubIndent + "Hardware session offloading:", Bool(view.HardwareSessionOffloading));
        Aligned(SubIndent + "Hardware UDP session offloading:", Bool(view.HardwareUdpSessionOffloading));
        Aligned(SubIndent + "IPv6 firewalling:", Bool(view.Ipv6Firewalling));
        Aligned(SubIndent + "Strict TCP/IP checksum:", Bool(view.StrictTcpIpChecksum));
        Aligned(SubIndent + "Strict TCP RST sequence:", Bool(view.StrictTcpRstSequence));
        Aligned(SubIndent + "Reject TCP small initial window:", Bool(view.RejectTcpSmallInitialWindow));
        Aligned(SubIndent + "ICMP Unreachable Packet Rate:", Number(view.IcmpUnreachablePacketRate) + " pps");
        Separator();

        Line("Application trickling scan parameters:");
        Aligned(SubIndent + "Timeout to determine application trickling:", Number(view.TricklingTimeout) + " secs");
        Aligned(SubIndent + "Resource utilization threshold to start scan:", Number(view.TricklingThreshold) + "%");
        Aligned(SubIndent + "Scan scaling factor over regular aging:", Number(view.TricklingScalingFactor));
        Separator();

        // 48 characters: one space before the value puts it at column 49 like the rest.
        Aligned("Session behavior when resource limit is reached:", view.ResourceLimitBehavior);
        Separator();
        Line("Pcap token bucket rate : " + Number(view.PcapTokenBucketRate));
        Separator();
        Line("Max pending queued mcast packets per session : " + Number(view.MaxPendingMcastPacketsPerSession));
        Separator();
        return text.ToString();
    }

    private static string Bool(bool value) => value ? "True" : "False";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
