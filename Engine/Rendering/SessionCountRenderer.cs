using System.Globalization;

namespace VirtualFirewall.Engine.Rendering;

/// <summary>
/// `show session all filter ... count yes` (panos-cli-gaps.md Gap 2.5). The line text is from a
/// collector's fixture of the XML reply (`Number of sessions that match filter: %d`, one space after the
/// colon) and a benchmarking script's regex; no CLI capture shows the framing. The blank line before it
/// follows the nearest real sample, the same command's empty answer (`show session all filter rule ...`
/// -> blank line, `No Active Sessions`, EDL notes in panos-cli-reference.md §3.2), which is also how
/// every other session reply opens. A zero count prints the number like any other.
/// </summary>
public static class SessionCountRenderer
{
    public static string Render(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"\nNumber of sessions that match filter: {count}\n");
}
