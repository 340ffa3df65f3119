using System.Globalization;
using System.Text;
using VirtualFirewall.Engine.Logs;
using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Engine.Rendering;

/// <summary>
/// `show log traffic [direction equal ...] [show-tracker equal yes] [query equal "..."]`.
///
/// RECONSTRUCTED: the only capture is the session-tracker KB's example (`show log traffic direction
/// equal backward show-tracker equal yes`, PAN-OS 6.0/6.1; panos-cli-gaps.md Gap 1 found no other).
/// The page turned every run of spaces into NBSP/space pairs, so with the NBSPs read as spaces the
/// widths inside each line are exact (leading blanks included: the tracker lines start with 52 of
/// them); it also put an empty line after every line, and dropped the IP addresses, as it did in its
/// `show session id 4632` block (`source: [trust]`, the `dst:` line gone; another rendering of the
/// same page keeps `source:      192.168.210.103 [trust]`).
///
/// Header (KB, measured): `Time` 0, `App` 20, `From` 36, `Src Port` 52, `Source` 70;
/// `Rule` 0, `Action` 20, `To` 36, `Dst Port` 52, `Destination` 70;
/// `Src User` 0, `Dst User` 20, `Session Info` 36. No trailing spaces.
///
/// Rows (KB, measured on its three entries):
/// - `2013/09/09 16:44:01 flash           trust           4433    `: the time (19 characters) and a
///   space, the application left-justified in 15 and a space (from zone at 20 + 16 = 36), the zone in
///   15 and a space (port at 52), the port in 7 and a space: every row ends in the port padded to 8
///   (`4433    `, `52405   `, `135     `, `80      `). The address follows at 60, where the page
///   dropped it. So the data does not sit under `Source`/`Destination` (70): the rejected alternative,
///   an 18-wide port column under the header, would leave 14 blanks after `4433`, not the KB's 4.
/// - `TCP-logging         allow           VPN             80      `: rule in 19 and a space, action
///   in 15 and a space, to zone in 15 and a space, port in 7 and a space, destination at 60.
/// - `                                                    TCP FIN`: source user in 19 and a space,
///   destination user in 15 and a space, 16 blanks, the tracker stage at 52 (under the ports, not under
///   `Session Info` at 36, as the KB prints it). The users are blank in the KB for a device whose
///   sessions show `src user: unknown`: the log holds an unknown user as blank.
/// A value longer than its field pushes the rest of the line right, keeping one space (printf
/// `%-15s ` style, as <see cref="SessionListRenderer"/> assumes); no capture shows one.
///
/// Framing: a blank line first (every op-mode reply with a verbatim capture opens with one: show
/// session id samples A/B/D, show system info in the 9.0 docs), then the header, one blank line (the
/// KB shows one line more after the header than after any other line), then the entries with no
/// blank line between them (the KB shows none more between entries).
///
/// Without `show-tracker equal yes` the third header line and the third line of each entry are left
/// out: in the KB they hold the tracker's `Session Info`, and their only content is the tracker stage.
/// An empty selection prints the header alone: no capture shows an empty log, and the header does not
/// depend on the entries (unlike `show session all`, whose `No Active Sessions` replaces its table).
/// </summary>
public static class TrafficLogRenderer
{
    private const string Header1 = "Time                App             From            Src Port          Source";
    private const string Header2 = "Rule                Action          To              Dst Port          Destination";
    private const string Header3 = "Src User            Dst User        Session Info";

    // KB rows: time (19) + 1, then 15 + 1, 15 + 1, 7 + 1 (see above).
    private const int FirstWidth = 19;
    private const int NameWidth = 15;
    private const int PortWidth = 7;

    // KB tracker lines: 52 blanks before the stage = 20 + 16 + 16; the users take the first 36.
    private static readonly string TrackerGap = new(' ', 16);

    public static string Render(IEnumerable<TrafficLogEntry> entries, bool showTracker, Func<DateTimeOffset, DateTime> toLocal)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(toLocal);

        var text = new StringBuilder(1024);
        text.Append('\n').Append(Header1).Append('\n').Append(Header2).Append('\n');
        if (showTracker)
        {
            text.Append(Header3).Append('\n');
        }

        text.Append('\n');
        foreach (var entry in entries)
        {
            var time = toLocal(entry.ReceiveTime).ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);
            Line(text, time, entry.Application, entry.FromZone, entry.SourcePort).Append(entry.Source.ToString()).Append('\n');
            Line(text, entry.Rule, entry.ActionName, entry.ToZone, entry.DestinationPort).Append(entry.Destination.ToString()).Append('\n');
            if (showTracker)
            {
                text.Append(TrafficLogQueryFields.LoggedUser(entry.SourceUser).PadRight(FirstWidth)).Append(' ')
                    .Append(TrafficLogQueryFields.LoggedUser(entry.DestinationUser).PadRight(NameWidth)).Append(' ')
                    .Append(TrackerGap)
                    .Append(SessionNames.Of(entry.TrackerStage)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static StringBuilder Line(StringBuilder text, string first, string second, string zone, int port) =>
        text.Append(first.PadRight(FirstWidth)).Append(' ')
            .Append(second.PadRight(NameWidth)).Append(' ')
            .Append(zone.PadRight(NameWidth)).Append(' ')
            .Append(port.ToString(CultureInfo.InvariantCulture).PadRight(PortWidth)).Append(' ');
}
