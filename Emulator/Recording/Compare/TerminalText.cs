using System.Text;

namespace VirtualFirewall.Emulator.Recording.Compare;

/// <summary>
/// Turns what a terminal logger recorded into the lines the screen finally showed, so a capture and
/// the emulator's output are compared the same way: <c>\r\n</c> (or <c>\r\r\n</c>) becomes <c>\n</c>;
/// within a line a lone <c>\r</c> returns to column 0, <c>\b</c> moves left, <c>ESC [ K</c> erases to
/// the end (so PAN-OS's per-word repaint <c>\r ESC [ K</c> + prompt + line leaves only the final line,
/// and a pager's erased <c>--more--</c> leaves the text written over it); spaces written only to blank
/// out earlier text are dropped from the line end; <c>BEL</c> and <c>NUL</c> are dropped; other escape
/// sequences are kept, to be shown in a diff; lines that are only the pager's <c>--more--</c> are removed.
/// </summary>
public static class TerminalText
{
    private const string MoreLine = "--more--";

    /// <summary>The text as the screen finally showed it, with <c>\n</c> line ends.</summary>
    /// <param name="text">Text as a terminal logger recorded it.</param>
    /// <returns>The normalised text; it ends with <c>\n</c> exactly when <paramref name="text"/> ended with a line end.</returns>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        foreach (var line in Lines(text))
        {
            result.Append(line.Text);
            if (line.Terminated)
            {
                result.Append('\n');
            }
        }

        return result.ToString();
    }

    /// <summary>The screen lines with their 1-based line numbers in <paramref name="text"/>; the last may be unterminated.</summary>
    internal static List<(string Text, int Number, bool Terminated)> Lines(string text)
    {
        var lines = new List<(string, int, bool)>();
        var number = 0;
        var start = 0;
        while (start <= text.Length)
        {
            number++;
            var end = text.IndexOf('\n', start);
            var terminated = end >= 0;
            var raw = terminated ? text[start..end] : text[start..];
            if (!terminated && raw.Length == 0)
            {
                break;
            }

            var screen = Overlay(raw.TrimEnd('\r'));
            if (!IsPagerLine(screen))
            {
                lines.Add((screen, number, terminated));
            }

            if (!terminated)
            {
                break;
            }

            start = end + 1;
        }

        return lines;
    }

    private static bool IsPagerLine(string line) =>
        line.TrimEnd(' ').Equals(MoreLine, StringComparison.OrdinalIgnoreCase);

    /// <summary>Plays one line's characters onto a row of cells, as a terminal would.</summary>
    private static string Overlay(string raw)
    {
        if (raw.AsSpan().IndexOfAny("\r\b\a\0\u001b") < 0)
        {
            return raw;
        }

        // A cell holds one visible character, preceded by any escape sequences written just before it.
        var cells = new List<string>();
        var blanked = new List<bool>();
        var pending = new StringBuilder();
        var column = 0;
        var i = 0;
        while (i < raw.Length)
        {
            var c = raw[i];
            switch (c)
            {
                case '\r':
                    column = 0;
                    i++;
                    continue;
                case '\b':
                    column = Math.Max(0, column - 1);
                    i++;
                    continue;
                case '\a' or '\0':
                    i++;
                    continue;
                case '\u001b':
                    var length = EscapeLength(raw, i);
                    var sequence = raw.AsSpan(i, length);
                    if (sequence is "\u001b[K" or "\u001b[0K" or "\u001b[2K")
                    {
                        var from = sequence[^2] == '2' ? 0 : Math.Min(column, cells.Count);
                        cells.RemoveRange(from, cells.Count - from);
                        blanked.RemoveRange(from, blanked.Count - from);
                    }
                    else
                    {
                        pending.Append(raw, i, length);
                    }

                    i += length;
                    continue;
            }

            var cell = pending.Append(c).ToString();
            pending.Clear();
            while (cells.Count < column)
            {
                cells.Add(" ");
                blanked.Add(false);
            }

            if (column < cells.Count)
            {
                blanked[column] = c == ' ' && (cells[column] != " " || blanked[column]);
                cells[column] = cell;
            }
            else
            {
                cells.Add(cell);
                blanked.Add(false);
            }

            column++;
            i++;
        }

        var keep = cells.Count;
        while (keep > 0 && blanked[keep - 1])
        {
            keep--;
        }

        return string.Concat(cells.Take(keep)) + pending;
    }

    /// <summary>The length of the escape sequence at <paramref name="i"/>: CSI with its parameters, else ESC and one character.</summary>
    private static int EscapeLength(string raw, int i)
    {
        var j = i + 1;
        if (j >= raw.Length)
        {
            return 1;
        }

        if (raw[j] != '[')
        {
            return 2;
        }

        j++;
        while (j < raw.Length && raw[j] is >= ' ' and <= '?')
        {
            j++;
        }

        return j < raw.Length && raw[j] is >= '@' and <= '~' ? j - i + 1 : j - i;
    }
}
