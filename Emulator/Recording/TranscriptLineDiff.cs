using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace VirtualFirewall.Emulator.Recording;

/// <summary>
/// The lines where a replay's output differs from a transcript, in transcript notation (invisible bytes
/// named), as `-` expected / `+` actual with two lines of context around each change.
/// </summary>
public static class TranscriptLineDiff
{
    private const int Context = 2;
    private const int MaxLines = 60;

    public static string Render(byte[] expected, byte[] actual)
    {
        var model = InlineDiffBuilder.Diff(TranscriptNotation.Render(expected), TranscriptNotation.Render(actual), ignoreWhiteSpace: false);
        var lines = model.Lines;
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
        for (var i = 0; i < lines.Count && written < MaxLines; i++)
        {
            if (!show[i])
            {
                continue;
            }

            if (i > 0 && !show[i - 1] && written > 0)
            {
                text.Append("  ...\n");
            }

            var marker = lines[i].Type switch
            {
                ChangeType.Deleted => "- ",
                ChangeType.Inserted => "+ ",
                _ => "  ",
            };
            text.Append(marker).Append(lines[i].Text).Append('\n');
            written++;
        }

        return text.ToString();
    }
}
