using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace VirtualFirewall.Emulator.Recording.Compare;

/// <summary>
/// The lines where the emulator's output differs from the capture's, as <c>-</c> capture / <c>+</c>
/// emulator with two lines of context, in transcript notation (<see cref="TranscriptNotation"/>): bytes a
/// screen cannot show are named, and on changed lines so are trailing spaces (<c>⟨SP⟩</c>).
/// </summary>
internal static class CaptureLineDiff
{
    private const int Context = 2;
    private const int MaxLines = 60;

    public static string Render(string expected, string actual)
    {
        // DiffPlex reads a final line end as one more, empty line: leave it out of the lines compared.
        var lines = InlineDiffBuilder.Diff(WithoutFinalLineEnd(expected), WithoutFinalLineEnd(actual), ignoreWhiteSpace: false).Lines;
        var show = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type != ChangeType.Unchanged)
            {
                for (var j = Math.Max(0, i - Context); j <= Math.Min(lines.Count - 1, i + Context); j++)
                {
                    show[j] = true;
                }
            }
        }

        var text = new StringBuilder();
        var written = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!show[i])
            {
                continue;
            }

            if (written == MaxLines)
            {
                text.Append("  ... (diff cut at ").Append(MaxLines).Append(" lines)\n");
                break;
            }

            if (i > 0 && !show[i - 1] && written > 0)
            {
                text.Append("  ...\n");
            }

            var changed = lines[i].Type != ChangeType.Unchanged;
            text.Append(lines[i].Type switch
            {
                ChangeType.Deleted => "- ",
                ChangeType.Inserted => "+ ",
                _ => "  ",
            });
            text.Append(Visible(lines[i].Text ?? string.Empty, changed)).Append('\n');
            written++;
        }

        if (written == 0)
        {
            // Same lines, so only the end differs: one side's last line has no line end.
            var ends = expected.EndsWith('\n') ? "the capture's output ends with a line end, the emulator's does not"
                : "the emulator's output ends with a line end, the capture's does not";
            text.Append("  (").Append(ends).Append(")\n");
        }

        return text.ToString();
    }

    private static string WithoutFinalLineEnd(string text) => text.EndsWith('\n') ? text[..^1] : text;

    private static string Visible(string line, bool changed)
    {
        var body = line;
        var trailing = 0;
        if (changed)
        {
            body = line.TrimEnd(' ');
            trailing = line.Length - body.Length;
        }

        var text = TranscriptNotation.Render(Encoding.UTF8.GetBytes(body));
        if (trailing > 0)
        {
            text += TranscriptNotation.OutputOpen + string.Join(' ', Enumerable.Repeat("SP", trailing)) + TranscriptNotation.OutputClose;
        }

        return text;
    }
}
