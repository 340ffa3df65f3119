using System.Text;

namespace VirtualFirewall.Emulator.Terminal;

/// <summary>
/// The line being typed: insertion at the cursor, deletion, cursor moves and per-connection history.
/// Each key appends its echo to the output; only backspaces, spaces and the characters themselves are
/// used to move and repaint, so the echo works on any terminal, dumb ones included. Enter returns the line.
/// </summary>
public sealed class LineEditor
{
    /// <summary>Longest line kept; further characters are dropped with one bell. Guards against pasted megabytes.</summary>
    public const int MaxLineLength = 4096;

    private const int MaxHistory = 100;

    private readonly StringBuilder _line = new();
    private readonly List<string> _history = [];
    private int _cursor;
    private int _historyIndex;
    private bool _full;

    public string Text => _line.ToString();

    /// <summary>The length of the line in UTF-16 units, without building the string.</summary>
    public int Length => _line.Length;

    public int Cursor => _cursor;

    /// <summary>Edits the line with one key. Returns the finished line on Enter, otherwise null.</summary>
    public string? Apply(Key key, StringBuilder echo)
    {
        switch (key.Kind)
        {
            case KeyKind.Character:
                Insert(key.Rune.ToString(), echo);
                return null;
            case KeyKind.Backspace:
                if (_cursor > 0)
                {
                    var before = UnitsBefore();
                    _cursor -= before;
                    echo.Append('\b');
                    RemoveAtCursor(before, echo, columns: 1);
                }

                return null;
            case KeyKind.Delete:
                if (_cursor < _line.Length)
                {
                    RemoveAtCursor(UnitsAfter(), echo, columns: 1);
                }

                return null;
            case KeyKind.Left:
                if (_cursor > 0)
                {
                    _cursor -= UnitsBefore();
                    echo.Append('\b');
                }

                return null;
            case KeyKind.Right:
                if (_cursor < _line.Length)
                {
                    var after = UnitsAfter();
                    echo.Append(_line, _cursor, after);
                    _cursor += after;
                }

                return null;
            case KeyKind.Home:
                echo.Append('\b', _cursor);
                _cursor = 0;
                return null;
            case KeyKind.End:
                echo.Append(_line, _cursor, _line.Length - _cursor);
                _cursor = _line.Length;
                return null;
            case KeyKind.KillToEnd:
                RemoveAtCursor(_line.Length - _cursor, echo);
                return null;
            case KeyKind.KillLine:
                echo.Append('\b', _cursor);
                _cursor = 0;
                RemoveAtCursor(_line.Length, echo);
                return null;
            case KeyKind.KillWord:
                KillWord(echo);
                return null;
            case KeyKind.Up:
                Recall(-1, echo);
                return null;
            case KeyKind.Down:
                Recall(+1, echo);
                return null;
            case KeyKind.Enter:
                return Finish();
            default:
                return null;
        }
    }

    /// <summary>Forgets the line being typed (Ctrl-C).</summary>
    public void Abandon()
    {
        _full = false;
        _line.Clear();
        _cursor = 0;
        _historyIndex = _history.Count;
    }

    private string Finish()
    {
        var line = _line.ToString();
        Abandon();
        if (line.Trim().Length > 0 && (_history.Count == 0 || !string.Equals(_history[^1], line, StringComparison.Ordinal)))
        {
            _history.Add(line);
            if (_history.Count > MaxHistory)
            {
                _history.RemoveAt(0);
            }
        }

        _historyIndex = _history.Count;
        return line;
    }

    private void Insert(string text, StringBuilder echo)
    {
        if (_line.Length + text.Length > MaxLineLength)
        {
            // One bell per overflow, not one per pasted character.
            if (!_full)
            {
                echo.Append('\a');
                _full = true;
            }

            return;
        }

        _full = false;

        _line.Insert(_cursor, text);
        _cursor += text.Length;
        var tail = _line.Length - _cursor;
        echo.Append(text).Append(_line, _cursor, tail).Append('\b', tail);
    }

    // A character outside the BMP is two UTF-16 units: the cursor never stops between them.
    private int UnitsBefore() =>
        _cursor >= 2 && char.IsSurrogatePair(_line[_cursor - 2], _line[_cursor - 1]) ? 2 : 1;

    private int UnitsAfter() =>
        _cursor + 1 < _line.Length && char.IsSurrogatePair(_line[_cursor], _line[_cursor + 1]) ? 2 : 1;

    private void RemoveAtCursor(int count, StringBuilder echo, int? columns = null)
    {
        if (count <= 0)
        {
            return;
        }

        _line.Remove(_cursor, count);
        var tail = _line.Length - _cursor;
        var erased = columns ?? count;
        echo.Append(_line, _cursor, tail).Append(' ', erased).Append('\b', tail + erased);
    }

    private void KillWord(StringBuilder echo)
    {
        var start = _cursor;
        while (start > 0 && _line[start - 1] == ' ')
        {
            start--;
        }

        while (start > 0 && _line[start - 1] != ' ')
        {
            start--;
        }

        var count = _cursor - start;
        echo.Append('\b', count);
        _cursor = start;
        RemoveAtCursor(count, echo);
    }

    private void Recall(int direction, StringBuilder echo)
    {
        var index = _historyIndex + direction;
        if (index < 0 || index > _history.Count)
        {
            return;
        }

        _historyIndex = index;
        var replacement = index == _history.Count ? string.Empty : _history[index];
        echo.Append('\b', _cursor);
        var oldLength = _line.Length;
        _line.Clear().Append(replacement);
        _cursor = _line.Length;
        echo.Append(replacement);
        var leftover = oldLength - replacement.Length;
        if (leftover > 0)
        {
            echo.Append(' ', leftover).Append('\b', leftover);
        }
    }
}
