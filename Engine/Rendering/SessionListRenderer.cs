using System.Buffers;
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

    // The blank line, rules and headers above the first session, in both line ends.
    private static readonly byte[] HeaderLf = Encoding.UTF8.GetBytes($"\n{Rule}\n{Header1}\n{Header2}\n{Rule}\n");
    private static readonly byte[] HeaderCrLf = Encoding.UTF8.GetBytes($"\r\n{Rule}\r\n{Header1}\r\n{Header2}\r\n{Rule}\r\n");

    // Data rows sit one column right of the headers (all four captures): ID left-justified in 12 + 1
    // space (application at 13), application in 14 + 1 (state at 28), state in 7 + 1 (type at 36),
    // type in 4 + 2 (flag at 42), flag in 4 + 1 (source at 47). A longer value pushes the rest right,
    // as printf's `%-14s` does (padding counts bytes, as printf does); no capture shows one.
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

        var utf8 = new ArrayBufferWriter<byte>(1024);
        WriteHeader(utf8, LineEnd.Lf);

        var any = false;
        foreach (var session in sessions)
        {
            any = true;
            WriteRows(utf8, session, LineEnd.Lf);
        }

        return any ? Encoding.UTF8.GetString(utf8.WrittenSpan) : NoActiveSessions;
    }

    /// <summary>The blank line, rules and column headers above the first session. Returns the bytes written.</summary>
    internal static int WriteHeader(IBufferWriter<byte> utf8, LineEnd lineEnd)
    {
        var header = lineEnd == LineEnd.CrLf ? HeaderCrLf : HeaderLf;
        utf8.Write(header);
        return header.Length;
    }

    /// <summary>The two lines of one session, written as UTF-8 in place: a million of them is one listing. Returns the bytes written.</summary>
    internal static int WriteRows(IBufferWriter<byte> utf8, Session session, LineEnd lineEnd)
    {
        var c2s = session.ClientToServer;
        var s2c = session.ServerToClient;
        var application = session.Application;
        var state = SessionNames.Of(session.State);
        var type = SessionNames.Of(session.Type);
        var flag = session.Flag;
        var vsys = session.Vsys;

        // Padding aside, every variable part is a name (at most 3 UTF-8 bytes a char), a number or an endpoint.
        var names = application.Length + state.Length + type.Length + flag.Length + vsys.Length + c2s.SourceZone.Length + s2c.SourceZone.Length;
        var row = new Utf8Row(utf8.GetSpan((3 * names) + (4 * Utf8Row.MaxEndpointBytes) + VsysWidth + 64));

        // The translated source is where the server's replies go (s2c destination); the translated
        // destination is where they come from (s2c source). vault27 ping: 192.168.1.20[1] ->
        // (10.2.62.150[1]); pbf-rule: 192.168.0.7[4015] -> (172.16.31.2[7914]). Two spaces before `(`.
        row.PaddedNumber(session.Id, IdWidth);
        row.Char(' ');
        row.Padded(application, ApplicationWidth);
        row.Char(' ');
        row.Padded(state, StateWidth);
        row.Char(' ');
        row.Padded(type, TypeWidth);
        row.Spaces(2);
        row.Padded(flag, FlagWidth);
        row.Char(' ');
        row.Endpoint(c2s.Source, c2s.SourcePort);
        row.Char('/');
        row.Text(c2s.SourceZone);
        row.Char('/');
        row.Number(c2s.Protocol);
        row.Text("  ("u8);
        row.Endpoint(s2c.Destination, s2c.DestinationPort);
        row.Char(')');
        row.LineEnd(lineEnd);

        // The destination zone is the s2c flow's source zone (KB: 172.16.59.100[16889]/L3-Inside).
        row.Padded(vsys, VsysWidth);
        row.Endpoint(c2s.Destination, c2s.DestinationPort);
        row.Char('/');
        row.Text(s2c.SourceZone);
        row.Text("  ("u8);
        row.Endpoint(s2c.Source, s2c.SourcePort);
        row.Char(')');
        row.LineEnd(lineEnd);

        utf8.Advance(row.Length);
        return row.Length;
    }
}
