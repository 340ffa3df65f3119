using System.Globalization;
using System.Text;
using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Engine.State;

namespace VirtualFirewall.Engine.Rendering;

/// <summary>
/// `show session id &lt;n&gt;` (panos-cli-reference.md §3.1).
///
/// Two layouts, chosen by release:
/// - PAN-OS 7.1 and later: verbatim sample A (vault27, PA-VM, 2023), sample B (KB kA10g000000PLnl,
///   predict session, 2019; its tail only in a collapsed rendering) and sample D (LIVEcommunity
///   ta-p/61278, 2017). Summary labels left-justified in 37 columns behind 8 spaces (colon at column 45).
/// - Below 7.1: the session-tracker KB example (`show session id 4632`, PAN-OS 6.0/6.1) and sample E
///   (2013). Summary labels left-justified in 30 columns (colon at column 38). The KB page turned every
///   run of spaces into alternating NBSP/space pairs and dropped the indentation and blank lines;
///   replacing the NBSPs by spaces gives the intra-line widths back (`start time` + 20 spaces + `: `,
///   `sport:       4475            dport:      80`), which are the widths sample E and sample A prove.
///   The indentation (8 / 16 spaces) and the blank lines are rebuilt from the verbatim samples A and B.
///
/// The output starts with the blank line PAN-OS prints after the command (samples A, B, D).
/// </summary>
public static class SessionDetailRenderer
{
    // Sample A/B/D: `Session              25`, `Session             504`, `Session           96776`,
    // KB 4632 `Session            4632`, sample E `Session          421199`: `Session`, one space, the
    // id right-justified in 15 columns (23 in all).
    private const int IdWidth = 15;

    // Sample A: flow fields indented 16, `source:` / `dst:` / ... left-justified in 13 (value at column 29).
    private const string FlowIndent = "                ";
    private const int FlowLabelWidth = 13;

    // Sample A: `sport:       1               dport:      31`: the first value left-justified in 16
    // (second label at column 45), the second label left-justified in 12 (value at column 57).
    private const int FlowPairValueWidth = 16;
    private const int FlowPairLabelWidth = 12;

    // Sample A: `        start time                           : Sat May  6 09:58:41 2023`.
    private const string SummaryIndent = "        ";
    private const int ModernLabelWidth = 37;

    // KB 4632 / sample E: `start time                    : Mon Sep  9 16:39:06 2013`.
    private const int LegacyLabelWidth = 30;

    public static string Render(Session session, DateTimeOffset now, string releaseSwVersion, Func<DateTimeOffset, DateTime> toLocal, DateTimeOffset? expiresAt = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(toLocal);
        ArgumentNullException.ThrowIfNull(releaseSwVersion);

        var modern = PanosRelease.Parse(releaseSwVersion).IsAtLeast(7, 1);
        var text = new StringBuilder(2048);
        text.Append('\n');
        text.Append("Session ").Append(Number(session.Id).PadLeft(IdWidth)).Append('\n');
        text.Append('\n');
        Flow(text, "c2s flow:", session.ClientToServer);
        Flow(text, "s2c flow:", session.ServerToClient);

        if (modern)
        {
            ModernSummary(text, session, now, toLocal, expiresAt);
        }
        else
        {
            LegacySummary(text, session, now, toLocal, expiresAt);
        }

        return text.ToString();
    }

    /// <summary>
    /// RECONSTRUCTED: no capture of `show session id` for an id that does not exist was found
    /// (panos-cli-gaps.md Gap 6b; the reference's Summary lists it as a gap). The text follows the
    /// framing and style of the only dataplane session reply for a missing/cleared case that is
    /// verbatim, `clear session all filter ...` -> blank line, lower-case `sessions cleared`
    /// (EDL notes, §3.2): a blank line, then `session &lt;id&gt; not found`.
    /// </summary>
    public static string NotFound(uint id) => "\nsession " + Number(id) + " not found\n";

    private static void Flow(StringBuilder text, string title, SessionFlow flow)
    {
        text.Append(SummaryIndent).Append(title).Append('\n');

        // The source line carries the flow's ingress zone: for s2c that is the session's destination
        // zone (sample A: `source:      1.1.1.1 [Outside]`).
        FlowLine(text, "source:", flow.Source + " [" + flow.SourceZone + "]");
        FlowLine(text, "dst:", flow.Destination.ToString());
        FlowLine(text, "proto:", Number(flow.Protocol));
        FlowPair(text, "sport:", Number(flow.SourcePort), "dport:", Number(flow.DestinationPort));
        FlowPair(text, "state:", SessionNames.Of(flow.State), "type:", SessionNames.Of(flow.Type));
        FlowLine(text, "src user:", flow.SourceUser);
        FlowLine(text, "dst user:", flow.DestinationUser);

        // KB 4632: `pbf rule:    wt-VPNTest 1` right after `dst user:` in the c2s block.
        if (flow.PbfRule is not null)
        {
            FlowLine(text, "pbf rule:", flow.PbfRule);
        }

        text.Append('\n');
    }

    private static void FlowLine(StringBuilder text, string label, string value) =>
        text.Append(FlowIndent).Append(label.PadRight(FlowLabelWidth)).Append(value).Append('\n');

    private static void FlowPair(StringBuilder text, string label, string value, string label2, string value2) =>
        text.Append(FlowIndent)
            .Append(label.PadRight(FlowLabelWidth))
            .Append(value.PadRight(FlowPairValueWidth))
            .Append(label2.PadRight(FlowPairLabelWidth))
            .Append(value2)
            .Append('\n');

    /// <summary>Sample A's line order; sample B's for predict sessions.</summary>
    private static void ModernSummary(StringBuilder text, Session session, DateTimeOffset now, Func<DateTimeOffset, DateTime> toLocal, DateTimeOffset? expiresAt)
    {
        void Line(string label, string value) =>
            text.Append(SummaryIndent).Append(label.PadRight(ModernLabelWidth)).Append(": ").Append(value).Append('\n');

        TimesAndCounts(Line, session, now, toLocal, expiresAt);
        Line("vsys", session.Vsys);

        // Two trailing spaces after the application name: part of the format, not an artefact. Two
        // independent verbatim captures show exactly two (`: ping  `, sample A, PA-VM 2023; `: ssl  `,
        // sample D, hardware 2017) after names of different lengths, so it is a fixed suffix and not
        // padding to a column. Every application value of this layout gets it, on every model (the
        // 6.x/7.0 layout has no application line).
        Line("application", session.Application + "  ");

        // Sample B: a predict session has no rule; the line keeps `: ` and so ends in a space.
        Line("rule", session.Rule);
        Line("service timeout override(index)", Bool(session.ServiceTimeoutOverride));
        Line("session to be logged at end", Bool(session.LogAtEnd));
        Line("session in session ager", Bool(session.InAger));
        Line("session updated by HA peer", Bool(session.UpdatedByHaPeer));

        // Sample A: only a NATed session has these two lines; `nat-rule : Lan(vsys1)` names the rule's vsys.
        if (session.Translation is not null)
        {
            Line("address/port translation", session.Translation);
            Line("nat-rule", NatRule(session));
        }

        if (session.Type == SessionType.Predict)
        {
            // Sample B (collapsed tail, the only predict capture): after `session updated by HA peer`
            // come `parent session`, `prediction triggered by`, `prediction matched once`, then
            // `end-reason`; none of sample A's layer7 ... session QoS rule lines. The model carries only
            // the parent id: the ALG predictions the emulator creates are triggered by the client and
            // match once, sample B's values.
            Line("parent session", Number(session.ParentSession ?? 0));
            Line("prediction triggered by", "client");
            Line("prediction matched once", "True");
        }
        else
        {
            // Sample A prints `enabled`; the KB/vault27 notes name `completed` as the value once App-ID is
            // done with the session, the only other value on record.
            Line("layer7 processing", session.Layer7Processing ? "enabled" : "completed");
            Line("URL filtering enabled", Bool(session.UrlFilteringEnabled));
            Line("session via syn-cookies", Bool(session.ViaSynCookies));
            Line("session terminated on host", Bool(session.TerminatedOnHost));
            Line("session traverses tunnel", Bool(session.TraversesTunnel));
            Line("session terminate tunnel", Bool(session.TerminateTunnel));
            Line("captive portal session", Bool(session.CaptivePortal));
            Line("ingress interface", session.IngressInterface);
            Line("egress interface", session.EgressInterface);
            Line("session QoS rule", session.QosRule);
        }

        // Sample A (ended session): `tracker stage firewall : Aged out` then `end-reason : aged-out`.
        // Sample B (live session): no tracker line, `end-reason : unknown`.
        if (session.TrackerStage != TrackerStage.None)
        {
            Line("tracker stage firewall", SessionNames.Of(session.TrackerStage));
        }

        Line("end-reason", SessionNames.Of(EndReasonOf(session)));
    }

    /// <summary>
    /// The 6.x/7.0 field set is exactly what the KB 4632 example prints (no vsys, application, rule,
    /// override, logging, ager, HA, NAT, layer7, URL filtering, tunnel-termination or end-reason lines),
    /// plus `time to live` after `timeout` for a session in the ager (sample E). The KB page shows an
    /// extra empty line between `layer7 packet count(s2c)` and `session via syn-cookies`, as it does
    /// where it stripped the `dst:` lines (their addresses removed); what was there is unknown, so
    /// nothing is printed for it.
    /// </summary>
    private static void LegacySummary(StringBuilder text, Session session, DateTimeOffset now, Func<DateTimeOffset, DateTime> toLocal, DateTimeOffset? expiresAt)
    {
        void Line(string label, string value) =>
            text.Append(SummaryIndent).Append(label.PadRight(LegacyLabelWidth)).Append(": ").Append(value).Append('\n');

        TimesAndCounts(Line, session, now, toLocal, expiresAt);
        Line("session via syn-cookies", Bool(session.ViaSynCookies));
        Line("session terminated on host", Bool(session.TerminatedOnHost));
        Line("session traverses tunnel", Bool(session.TraversesTunnel));
        Line("captive portal session", Bool(session.CaptivePortal));
        Line("ingress interface", session.IngressInterface);
        Line("egress interface", session.EgressInterface);
        Line("session QoS rule", session.QosRule);

        // KB 4632: `tracker stage firewall : TCP FIN` is the last line (the tracker arrived in 6.0).
        if (session.TrackerStage != TrackerStage.None)
        {
            Line("tracker stage firewall", SessionNames.Of(session.TrackerStage));
        }
    }

    /// <summary>The lines both layouts open their summary with, in the same order.</summary>
    private static void TimesAndCounts(Action<string, string> line, Session session, DateTimeOffset now, Func<DateTimeOffset, DateTime> toLocal, DateTimeOffset? expiresAt)
    {
        line("start time", PanosTime.Asctime(toLocal(session.StartTime)));
        line("timeout", Number(session.TimeoutSeconds) + " sec");

        // Samples B and D (and E, in the 6.x layout) print `time to live` right after `timeout` for a
        // session the ager tracks; sample A, an aged-out session no longer in the ager, has none.
        // Sample D proves one trailing space after `sec` (`: 1799 sec `); B's and E's tails survive
        // only collapsed, so they get D's bytes.
        if (session.InAger)
        {
            line("time to live", Number(TimeToLive(session, now, expiresAt)) + " sec ");
        }

        line("total byte count(c2s)", Number(session.BytesClientToServer));
        line("total byte count(s2c)", Number(session.BytesServerToClient));
        line("layer7 packet count(c2s)", Number(session.Layer7PacketsClientToServer));
        line("layer7 packet count(s2c)", Number(session.Layer7PacketsServerToClient));
    }

    /// <summary>
    /// Seconds left before the session leaves its state: from the table's due time when known (a DISCARD
    /// or CLOSING session is held for its discard or TIME_WAIT time, not its own timeout), otherwise from
    /// its last activity. Never below 0.
    /// </summary>
    private static long TimeToLive(Session session, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        if (expiresAt is { } due)
        {
            return Math.Max(0, (long)Math.Floor((due - now).TotalSeconds));
        }

        var last = session.LastActivity > session.StartTime ? session.LastActivity : session.StartTime;
        var idle = (long)Math.Floor((now - last).TotalSeconds);
        return Math.Max(0, session.TimeoutSeconds - Math.Max(0, idle));
    }

    /// <summary>The recorded end reason, or the one that goes with the tracker stage when none was recorded.</summary>
    private static EndReason EndReasonOf(Session session) =>
        session.EndReason != EndReason.Unknown ? session.EndReason : SessionNames.EndReasonOf(session.TrackerStage);

    /// <summary>`Lan(vsys1)`: the rule name with its vsys (sample A), unless the model already carries it.</summary>
    private static string NatRule(Session session)
    {
        var rule = session.NatRule ?? string.Empty;
        var suffix = "(" + session.Vsys + ")";
        return rule.EndsWith(suffix, StringComparison.Ordinal) ? rule : rule + suffix;
    }

    private static string Bool(bool value) => value ? "True" : "False";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
