using System.Text;

namespace VirtualFirewall.Engine.Rendering.Configuration;

/// <summary>
/// `show config diff`: the running and candidate configurations in brace format, compared line by
/// line; changed lines carry `-` (running only) or `+` (candidate only), with three lines of context
/// marked by a space, and hunks apart by a blank line. The shape follows the diffs napalm-panos
/// recorded from a device (reference/configs/napalm-panos/*.diff).
/// </summary>
public static class ConfigDiffRenderer
{
    private const int Context = 3;

    public static string Render(string running, string candidate)
    {
        var before = running.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var after = candidate.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var lines = Diff(before, after);
        var changed = lines.Select((l, i) => (l, i)).Where(x => x.l.Marker != ' ').Select(x => x.i).ToList();
        if (changed.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        var shownUntil = -1;
        foreach (var index in changed)
        {
            var from = Math.Max(index - Context, shownUntil + 1);
            if (shownUntil >= 0 && from > shownUntil + 1)
            {
                text.Append('\n');
            }

            var to = Math.Min(index + Context, lines.Count - 1);
            for (var i = from; i <= to; i++)
            {
                if (i > shownUntil)
                {
                    text.Append(lines[i].Marker).Append(lines[i].Text).Append('\n');
                    shownUntil = i;
                }
            }
        }

        return text.ToString();
    }

    // A longest-common-subsequence diff: configurations are a few thousand lines at most.
    private static List<(char Marker, string Text)> Diff(string[] before, string[] after)
    {
        var lengths = new int[before.Length + 1, after.Length + 1];
        for (var i = before.Length - 1; i >= 0; i--)
        {
            for (var j = after.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = string.Equals(before[i], after[j], StringComparison.Ordinal)
                    ? lengths[i + 1, j + 1] + 1
                    : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var lines = new List<(char, string)>();
        int x = 0, y = 0;
        while (x < before.Length || y < after.Length)
        {
            if (x < before.Length && y < after.Length && string.Equals(before[x], after[y], StringComparison.Ordinal))
            {
                lines.Add((' ', before[x]));
                x++;
                y++;
            }
            else if (y < after.Length && (x == before.Length || lengths[x, y + 1] >= lengths[x + 1, y]))
            {
                lines.Add(('+', after[y]));
                y++;
            }
            else
            {
                lines.Add(('-', before[x]));
                x++;
            }
        }

        return lines;
    }
}
