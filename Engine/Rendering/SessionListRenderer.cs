using System.Globalization;
using System.Text;
using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Engine.Rendering;

/// <summary>
/// `show session all [filter ...]` (panos-cli-reference.md §3.2; four verbatim captures: KB
/// kA10g000000PLnl predict session, vault27 `filter application ping` and `filter pbf-rule`, EDL notes
/// `filter rule`). A blank line, an 80-dash rule, two header lines, another rule, then two lines per
/// session; no closing rule.
/// </summary>
public static class SessionListRenderer
{
    private static readonly string Rule = new('-', 80);

    // Header columns (all four captures): ID 0, Application 12, State 27, Type 35, Flag 40, Src 46;
    // second line: Vsys 0, Dst 46.
    private const string Header1 = "ID          Application    State   Type Flag  Src[Sport]/Zone/Proto (translated IP[Port])";
    private const string Header2 = "Vsys                                          Dst[Dport]/Zone (translated IP[Port])";

    // Data rows sit one column right of the headers (all four captures): ID left-justified in 12 + 1
    // space (application at 13), application in 14 + 1 (state at 28), state in 7 + 1 (type at 36),
    // type in 4 + 2 (flag at 42), flag in 4 + 1 (source at 47). A longer value pushes the rest right,
    // as printf's `%-14s` does; no capture shows one.
    private const int IdWidth = 12;
    private const int ApplicationWidth = 14;
    private const int StateWidth = 7;
    private const int TypeWidth = 4;
    private const int FlagWidth = 4;

    // Second row: the vsys name left-justified in 47 (destination under the source).
    private const int VsysWidth = 47;

    /// <summary>EDL notes: `show session all filter rule ...` with no match prints a blank line, then this.</summary>
    public const string NoActiveSessions = "\nNo Active Sessions\n";

    public static string Render(IEnumerable<Session> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);

        var text = new StringBuilder(1024);
        AppendHeader(text);

        var any = false;
        foreach (var session in sessions)
        {
            any = true;
            AppendRows(text, session);
        }

        return any ? text.ToString() : NoActiveSessions;
    }

    /// <summary>The blank line, rules and column headers above the first session.</summary>
    internal static void AppendHeader(StringBuilder text) =>
        text.Append('\n').Append(Rule).Append('\n')
            .Append(Header1).Append('\n')
            .Append(Header2).Append('\n')
            .Append(Rule).Append('\n');

    /// <summary>The two lines of one session, appended without intermediate strings: a million of them is one listing.</summary>
    internal static void AppendRows(StringBuilder text, Session session)
    {
        var c2s = session.ClientToServer;
        var s2c = session.ServerToClient;

        // The translated source is where the server's replies go (s2c destination); the translated
        // destination is where they come from (s2c source). vault27 ping: 192.168.1.20[1] ->
        // (10.2.62.150[1]); pbf-rule: 192.168.0.7[4015] -> (172.16.31.2[7914]). Two spaces before `(`.
        var start = text.Length;
        text.Append(CultureInfo.InvariantCulture, $"{session.Id}");
        Pad(text, start, IdWidth).Append(' ');
        Padded(text, session.Application, ApplicationWidth).Append(' ');
        Padded(text, SessionNames.Of(session.State), StateWidth).Append(' ');
        Padded(text, SessionNames.Of(session.Type), TypeWidth).Append("  ");
        Padded(text, session.Flag, FlagWidth).Append(' ');
        Endpoint(text, c2s.Source, c2s.SourcePort).Append('/').Append(c2s.SourceZone)
            .Append(CultureInfo.InvariantCulture, $"/{c2s.Protocol}  (");
        Endpoint(text, s2c.Destination, s2c.DestinationPort).Append(")\n");

        // The destination zone is the s2c flow's source zone (KB: 172.16.59.100[16889]/L3-Inside).
        Padded(text, session.Vsys, VsysWidth);
        Endpoint(text, c2s.Destination, c2s.DestinationPort).Append('/').Append(s2c.SourceZone).Append("  (");
        Endpoint(text, s2c.Source, s2c.SourcePort).Append(")\n");
    }

    // printf's `%-Ns`: a longer value is kept whole and pushes the rest right.
    private static StringBuilder Padded(StringBuilder text, string value, int width) => Pad(text.Append(value), text.Length - value.Length, width);

    private static StringBuilder Pad(StringBuilder text, int start, int width)
    {
        var written = text.Length - start;
        return written < width ? text.Append(' ', width - written) : text;
    }

    private static StringBuilder Endpoint(StringBuilder text, System.Net.IPAddress address, int port) =>
        AddressText.Append(text, address).Append(CultureInfo.InvariantCulture, $"[{port}]");
}
