using System.Text;
using VirtualFirewall.Emulator.Terminal;

namespace VirtualFirewall.Emulator.Shell;

/// <summary>
/// `set cli pager on`: output taller than the terminal stops at a `--more--` line. Space shows the next
/// page, Enter one more line, `q` or Ctrl-C stops. No capture of PAN-OS's pager line exists
/// (panos-cli-reference.md §2.5 notes only a third-party `--More--`); the text follows the issue's
/// `--more--`, and the line is erased with the `\r ESC[K` PAN-OS uses for its repaints.
/// </summary>
internal sealed class OutputPager
{
    public const string MoreLine = "--more--";
    private const string Erase = "\r\u001b[K";

    private readonly List<string> _lines;
    private readonly int _width;
    private readonly int _pageRows;
    private int _next;

    private OutputPager(List<string> lines, int width, int height)
    {
        _lines = lines;
        _width = Math.Max(1, width);
        _pageRows = Math.Max(1, height - 1);
    }

    /// <summary>
    /// Writes what fits on the first screen to <paramref name="output"/>. Returns the pager when the
    /// rest waits for a key, or null when everything fitted.
    /// </summary>
    public static OutputPager? Start(string text, int width, int height, StringBuilder output)
    {
        var lines = SplitLines(text);
        var pager = new OutputPager(lines, width, height);
        if (pager.RowsOf(0, lines.Count) <= pager._pageRows)
        {
            output.Append(text);
            return null;
        }

        pager.Show(pager._pageRows, output);
        return pager;
    }

    /// <summary>Handles one key. Returns true when paging is over (the caller then writes the prompt).</summary>
    public bool Apply(Key key, StringBuilder output)
    {
        switch (key.Kind)
        {
            case KeyKind.Character when key.Rune.Value == ' ':
                output.Append(Erase);
                return Show(_pageRows, output);
            case KeyKind.Enter:
                output.Append(Erase);
                return Show(1, output);
            case KeyKind.Character when key.Rune.Value is 'q' or 'Q':
            case KeyKind.Interrupt:
                output.Append(Erase);
                return true;
            default:
                return false;
        }
    }

    private bool Show(int rows, StringBuilder output)
    {
        var used = 0;
        while (_next < _lines.Count)
        {
            var height = RowsOf(_next, _next + 1);
            if (used > 0 && used + height > rows)
            {
                break;
            }

            output.Append(_lines[_next]);
            used += height;
            _next++;
        }

        if (_next >= _lines.Count)
        {
            return true;
        }

        output.Append(MoreLine);
        return false;
    }

    private int RowsOf(int from, int to)
    {
        var rows = 0;
        for (var i = from; i < to; i++)
        {
            var length = _lines[i].TrimEnd('\n').Length;
            rows += Math.Max(1, (length + _width - 1) / _width);
        }

        return rows;
    }

    // Lines keep their `\n`, so the text is written back exactly as the command produced it.
    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }
}
