using System.Text;
using VirtualFirewall.Emulator.Terminal;

namespace VirtualFirewall.Tests.Terminal;

[TestFixture]
public sealed class LineEditorTests
{
    private static readonly Key Enter = Key.Of(KeyKind.Enter);
    private static readonly Key Backspace = Key.Of(KeyKind.Backspace);
    private static readonly Key Delete = Key.Of(KeyKind.Delete);
    private static readonly Key Left = Key.Of(KeyKind.Left);
    private static readonly Key Right = Key.Of(KeyKind.Right);
    private static readonly Key Home = Key.Of(KeyKind.Home);
    private static readonly Key End = Key.Of(KeyKind.End);
    private static readonly Key Up = Key.Of(KeyKind.Up);
    private static readonly Key Down = Key.Of(KeyKind.Down);
    private static readonly Key KillToEnd = Key.Of(KeyKind.KillToEnd);
    private static readonly Key KillLine = Key.Of(KeyKind.KillLine);
    private static readonly Key KillWord = Key.Of(KeyKind.KillWord);

    [Test]
    public void New_editor_is_empty()
    {
        var editor = new LineEditor();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(editor.Text, Is.Empty);
            Assert.That(editor.Cursor, Is.Zero);
            Assert.That(LineEditor.MaxLineLength, Is.EqualTo(4096));
        }
    }

    [Test]
    public void Typed_text_echoes_itself()
    {
        var editor = new LineEditor();

        var echo = Type(editor, "show clock");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(echo, Is.EqualTo("show clock"));
            Assert.That(editor.Text, Is.EqualTo("show clock"));
            Assert.That(editor.Cursor, Is.EqualTo(10));
        }
    }

    [Test]
    public void Non_ascii_characters_echo_themselves()
    {
        var editor = new LineEditor();

        var echo = Type(editor, "é€");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(echo, Is.EqualTo("é€"));
            Assert.That(editor.Text, Is.EqualTo("é€"));
            Assert.That(editor.Cursor, Is.EqualTo(2));
        }
    }

    [Test]
    public void Backspace_at_the_end_erases_one_character()
    {
        var editor = new LineEditor();
        Type(editor, "abc");

        var echo = Press(editor, Backspace);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(echo, Is.EqualTo("\b \b"));
            Assert.That(editor.Text, Is.EqualTo("ab"));
            Assert.That(editor.Cursor, Is.EqualTo(2));
        }
    }

    [Test]
    public void Backspace_at_the_start_echoes_nothing()
    {
        var editor = new LineEditor();
        Type(editor, "ab");
        Press(editor, Home);

        var echo = Press(editor, Backspace);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(echo, Is.Empty);
            Assert.That(editor.Text, Is.EqualTo("ab"));
            Assert.That(editor.Cursor, Is.Zero);
        }
    }

    [Test]
    public void Backspace_on_an_empty_line_echoes_nothing()
    {
        var editor = new LineEditor();

        Assert.That(Press(editor, Backspace), Is.Empty);
    }

    [Test]
    public void Backspace_in_the_middle_repaints_the_tail()
    {
        var editor = new LineEditor();
        Type(editor, "abcd");
        Press(editor, Left, Left);

        var echo = Press(editor, Backspace);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(echo, Is.EqualTo("\bcd \b\b\b"));
            Assert.That(editor.Text, Is.EqualTo("acd"));
            Assert.That(editor.Cursor, Is.EqualTo(1));
        }
    }

    [Test]
    public void Left_and_right_move_the_cursor_and_stop_at_the_ends()
    {
        var editor = new LineEditor();
        Type(editor, "ab");

        var left = Press(editor, Left, Left, Left);
        var cursorAtStart = editor.Cursor;
        var right = Press(editor, Right, Right, Right);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(left, Is.EqualTo("\b\b"));
            Assert.That(cursorAtStart, Is.Zero);
            Assert.That(right, Is.EqualTo("ab"));
            Assert.That(editor.Cursor, Is.EqualTo(2));
        }
    }

    [Test]
    public void Insertion_in_the_middle_repaints_the_tail_and_moves_back()
    {
        var editor = new LineEditor();
        Type(editor, "shw clock");
        Press(editor, Left, Left, Left, Left, Left, Left, Left);

        var echo = Type(editor, "o");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(echo, Is.EqualTo("ow clock" + new string('\b', 7)));
            Assert.That(editor.Text, Is.EqualTo("show clock"));
            Assert.That(editor.Cursor, Is.EqualTo(3));
        }
    }

    [Test]
    public void Insertion_at_the_start_repaints_the_whole_line()
    {
        var editor = new LineEditor();
        Type(editor, "bc");
        Press(editor, Home);

        var echo = Type(editor, "a");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(echo, Is.EqualTo("abc\b\b"));
            Assert.That(editor.Text, Is.EqualTo("abc"));
            Assert.That(editor.Cursor, Is.EqualTo(1));
        }
    }

    [Test]
    public void Delete_removes_the_character_under_the_cursor()
    {
        var editor = new LineEditor();
        Type(editor, "abcd");
        Press(editor, Left, Left, Left);

        var echo = Press(editor, Delete);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(echo, Is.EqualTo("cd \b\b\b"));
            Assert.That(editor.Text, Is.EqualTo("acd"));
            Assert.That(editor.Cursor, Is.EqualTo(1));
        }
    }

    [Test]
    public void Delete_at_the_end_echoes_nothing()
    {
        var editor = new LineEditor();
        Type(editor, "ab");

        var echo = Press(editor, Delete);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(echo, Is.Empty);
            Assert.That(editor.Text, Is.EqualTo("ab"));
        }
    }

    [Test]
    public void Home_and_end_move_over_the_whole_line()
    {
        var editor = new LineEditor();
        Type(editor, "show clock");
        Press(editor, Left, Left);

        var home = Press(editor, Home);
        var cursorAtHome = editor.Cursor;
        var end = Press(editor, End);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(home, Is.EqualTo(new string('\b', 8)));
            Assert.That(cursorAtHome, Is.Zero);
            Assert.That(end, Is.EqualTo("show clock"));
            Assert.That(editor.Cursor, Is.EqualTo(10));
            Assert.That(Press(editor, End), Is.Empty);
            Assert.That(editor.Text, Is.EqualTo("show clock"));
        }
    }

    [Test]
    public void Ctrl_u_erases_the_whole_line_from_anywhere()
    {
        var editor = new LineEditor();
        Type(editor, "abcde");
        Press(editor, Left, Left);

        var echo = Press(editor, KillLine);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(echo, Is.EqualTo("\b\b\b" + "     " + "\b\b\b\b\b"));
            Assert.That(editor.Text, Is.Empty);
            Assert.That(editor.Cursor, Is.Zero);
        }
    }

    [Test]
    public void Ctrl_k_erases_from_the_cursor_to_the_end()
    {
        var editor = new LineEditor();
        Type(editor, "abcde");
        Press(editor, Left, Left, Left);

        var echo = Press(editor, KillToEnd);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(echo, Is.EqualTo("   \b\b\b"));
            Assert.That(editor.Text, Is.EqualTo("ab"));
            Assert.That(editor.Cursor, Is.EqualTo(2));
            Assert.That(Press(editor, KillToEnd), Is.Empty);
        }
    }

    [Test]
    public void Ctrl_w_erases_the_word_before_the_cursor()
    {
        var editor = new LineEditor();
        Type(editor, "show clock");

        var echo = Press(editor, KillWord);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(echo, Is.EqualTo("\b\b\b\b\b" + "     " + "\b\b\b\b\b"));
            Assert.That(editor.Text, Is.EqualTo("show "));
            Assert.That(editor.Cursor, Is.EqualTo(5));
        }
    }

    [Test]
    public void Ctrl_w_also_erases_the_spaces_before_the_cursor()
    {
        var editor = new LineEditor();
        Type(editor, "set cli  ");

        var echo = Press(editor, KillWord);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(echo, Is.EqualTo("\b\b\b\b\b" + "     " + "\b\b\b\b\b"));
            Assert.That(editor.Text, Is.EqualTo("set "));
        }
    }

    [Test]
    public void Ctrl_w_in_the_middle_of_a_word_keeps_the_tail()
    {
        var editor = new LineEditor();
        Type(editor, "show clock");
        Press(editor, Left, Left, Left);

        var echo = Press(editor, KillWord);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(echo, Is.EqualTo("\b\b" + "ock" + "  " + "\b\b\b\b\b"));
            Assert.That(editor.Text, Is.EqualTo("show ock"));
            Assert.That(editor.Cursor, Is.EqualTo(5));
        }
    }

    [Test]
    public void Ctrl_w_at_the_start_echoes_nothing()
    {
        var editor = new LineEditor();
        Type(editor, "ab");
        Press(editor, Home);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Press(editor, KillWord), Is.Empty);
            Assert.That(editor.Text, Is.EqualTo("ab"));
        }
    }

    [Test]
    public void Enter_returns_the_line_and_resets()
    {
        var editor = new LineEditor();
        Type(editor, "show clock");
        Press(editor, Left, Left);
        var echo = new StringBuilder();

        var line = editor.Apply(Enter, echo);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(line, Is.EqualTo("show clock"));
            Assert.That(echo.ToString(), Is.Empty);
            Assert.That(editor.Text, Is.Empty);
            Assert.That(editor.Cursor, Is.Zero);
        }
    }

    [Test]
    public void Enter_on_an_empty_line_returns_an_empty_string()
    {
        Assert.That(new LineEditor().Apply(Enter, new StringBuilder()), Is.EqualTo(string.Empty));
    }

    [Test]
    public void Keys_other_than_enter_return_null()
    {
        var editor = new LineEditor();
        Key[] keys =
        [
            Key.Character(new Rune('a')), Backspace, Delete, Left, Right, Home, End, Up, Down, KillToEnd, KillLine, KillWord,
            Key.Of(KeyKind.Tab), Key.Of(KeyKind.Interrupt), Key.Of(KeyKind.EndOfFile),
        ];

        Assert.That(keys.Select(k => editor.Apply(k, new StringBuilder())), Has.All.Null);
    }

    [Test]
    public void Tab_interrupt_and_end_of_file_leave_the_line_alone()
    {
        var editor = new LineEditor();
        Type(editor, "ab");
        Press(editor, Left);

        var echo = Press(editor, Key.Of(KeyKind.Tab), Key.Of(KeyKind.Interrupt), Key.Of(KeyKind.EndOfFile));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(echo, Is.Empty);
            Assert.That(editor.Text, Is.EqualTo("ab"));
            Assert.That(editor.Cursor, Is.EqualTo(1));
        }
    }

    [Test]
    public void Up_recalls_the_previous_lines_and_down_comes_back()
    {
        var editor = new LineEditor();
        Submit(editor, "show clock");
        Submit(editor, "exit");

        var up1 = Press(editor, Up);
        var text1 = editor.Text;
        var up2 = Press(editor, Up);
        var text2 = editor.Text;
        var down1 = Press(editor, Down);
        var text3 = editor.Text;
        var down2 = Press(editor, Down);
        var text4 = editor.Text;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(up1, Is.EqualTo("exit"));
            Assert.That(text1, Is.EqualTo("exit"));
            Assert.That(up2, Is.EqualTo("\b\b\b\b" + "show clock"));
            Assert.That(text2, Is.EqualTo("show clock"));
            Assert.That(down1, Is.EqualTo(new string('\b', 10) + "exit" + "      " + "\b\b\b\b\b\b"));
            Assert.That(text3, Is.EqualTo("exit"));
            Assert.That(down2, Is.EqualTo("\b\b\b\b" + "    " + "\b\b\b\b"));
            Assert.That(text4, Is.Empty);
            Assert.That(editor.Cursor, Is.Zero);
        }
    }

    [Test]
    public void Recall_past_either_end_echoes_nothing()
    {
        var editor = new LineEditor();
        Submit(editor, "show clock");

        var down = Press(editor, Down);
        Press(editor, Up);
        var up = Press(editor, Up);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(down, Is.Empty);
            Assert.That(up, Is.Empty);
            Assert.That(editor.Text, Is.EqualTo("show clock"));
        }
    }

    [Test]
    public void Up_with_no_history_echoes_nothing()
    {
        var editor = new LineEditor();
        Type(editor, "abc");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Press(editor, Up), Is.Empty);
            Assert.That(editor.Text, Is.EqualTo("abc"));
        }
    }

    [Test]
    public void Recalling_a_shorter_line_blanks_the_rest()
    {
        var editor = new LineEditor();
        Submit(editor, "quit");
        Type(editor, "set cli pager off");

        var echo = Press(editor, Up);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(echo, Is.EqualTo(new string('\b', 17) + "quit" + new string(' ', 13) + new string('\b', 13)));
            Assert.That(editor.Text, Is.EqualTo("quit"));
            Assert.That(editor.Cursor, Is.EqualTo(4));
        }
    }

    [Test]
    public void Recall_from_the_middle_of_a_line_starts_from_the_cursor()
    {
        var editor = new LineEditor();
        Submit(editor, "xy");
        Type(editor, "abcdef");
        Press(editor, Left, Left, Left, Left);

        var echo = Press(editor, Up);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(echo, Is.EqualTo("\b\b" + "xy" + "    " + "\b\b\b\b"));
            Assert.That(editor.Text, Is.EqualTo("xy"));
            Assert.That(editor.Cursor, Is.EqualTo(2));
        }
    }

    [Test]
    public void Recalled_line_can_be_edited_and_submitted()
    {
        var editor = new LineEditor();
        Submit(editor, "show clock");
        Press(editor, Up, KillWord);
        Type(editor, "admins");

        Assert.That(editor.Apply(Enter, new StringBuilder()), Is.EqualTo("show admins"));
    }

    [Test]
    public void Blank_and_repeated_lines_are_not_added_to_history()
    {
        var editor = new LineEditor();
        Submit(editor, "show clock");
        Submit(editor, "show clock");
        Submit(editor, "   ");
        Submit(editor, string.Empty);

        var first = Press(editor, Up);
        var second = Press(editor, Up);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo("show clock"));
            Assert.That(second, Is.Empty);
            Assert.That(editor.Text, Is.EqualTo("show clock"));
        }
    }

    [Test]
    public void History_keeps_the_last_hundred_lines()
    {
        var editor = new LineEditor();
        for (var i = 0; i < 150; i++)
        {
            Submit(editor, "line " + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        for (var i = 0; i < 100; i++)
        {
            Press(editor, Up);
        }

        var beyond = Press(editor, Up);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(editor.Text, Is.EqualTo("line 50"));
            Assert.That(beyond, Is.Empty);
        }
    }

    [Test]
    public void Enter_after_browsing_history_resets_the_position()
    {
        var editor = new LineEditor();
        Submit(editor, "a");
        Submit(editor, "b");
        Press(editor, Up, Up);
        Assert.That(editor.Apply(Enter, new StringBuilder()), Is.EqualTo("a"));

        var newest = Press(editor, Up);
        var before = Press(editor, Up);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(newest, Is.EqualTo("a"));
            Assert.That(before, Is.EqualTo("\bb"));
            Assert.That(editor.Text, Is.EqualTo("b"));
        }
    }

    [Test]
    public void Line_at_the_maximum_length_is_kept_and_an_overflow_rings_the_bell_once()
    {
        var editor = new LineEditor();
        var full = new string('x', LineEditor.MaxLineLength);
        var fillEcho = Type(editor, full);

        var overflow = Type(editor, "yz");
        var more = Type(editor, "w");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fillEcho, Is.EqualTo(full));
            Assert.That(overflow, Is.EqualTo("\a"));
            Assert.That(more, Is.Empty);
            Assert.That(editor.Text, Is.EqualTo(full));
            Assert.That(editor.Cursor, Is.EqualTo(LineEditor.MaxLineLength));
        }
    }

    [Test]
    public void Bell_rings_again_after_a_character_fits()
    {
        var editor = new LineEditor();
        Type(editor, new string('x', LineEditor.MaxLineLength));
        Type(editor, "y");
        Press(editor, Backspace);

        var echo = Type(editor, "ab");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(echo, Is.EqualTo("a\a"));
            Assert.That(editor.Text, Is.EqualTo(new string('x', LineEditor.MaxLineLength - 1) + "a"));
        }
    }

    [Test]
    public void Bell_rings_again_on_the_next_line()
    {
        var editor = new LineEditor();
        var full = new string('x', LineEditor.MaxLineLength);
        Type(editor, full + "y");
        Assert.That(editor.Apply(Enter, new StringBuilder()), Is.EqualTo(full));

        var echo = Type(editor, full + "yz");

        Assert.That(echo, Is.EqualTo(full + "\a"));
    }

    [Test]
    public void Bell_rings_again_after_abandon()
    {
        var editor = new LineEditor();
        var full = new string('x', LineEditor.MaxLineLength);
        Type(editor, full + "y");
        editor.Abandon();

        var echo = Type(editor, full + "yz");

        Assert.That(echo, Is.EqualTo(full + "\a"));
    }

    [Test]
    public void Pasted_megabyte_stays_bounded_with_one_bell()
    {
        var editor = new LineEditor();
        var echo = new StringBuilder();
        var x = Key.Character(new Rune('x'));
        for (var i = 0; i < 1024 * 1024; i++)
        {
            editor.Apply(x, echo);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(editor.Text, Is.EqualTo(new string('x', LineEditor.MaxLineLength)));
            Assert.That(echo.ToString(), Is.EqualTo(new string('x', LineEditor.MaxLineLength) + "\a"));
            Assert.That(editor.Apply(Enter, new StringBuilder()), Has.Length.EqualTo(LineEditor.MaxLineLength));
        }
    }

    [Test]
    public void Full_line_rings_the_bell_for_insertion_in_the_middle_too()
    {
        var editor = new LineEditor();
        Type(editor, new string('x', LineEditor.MaxLineLength));
        Press(editor, Home);

        var echo = Type(editor, "y");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(echo, Is.EqualTo("\a"));
            Assert.That(editor.Text, Is.EqualTo(new string('x', LineEditor.MaxLineLength)));
            Assert.That(editor.Cursor, Is.Zero);
        }
    }

    [Test]
    public void Abandon_clears_the_line_without_echo_and_keeps_history()
    {
        var editor = new LineEditor();
        Submit(editor, "show clock");
        Type(editor, "half typed");
        Press(editor, Left);

        editor.Abandon();
        var recalled = Press(editor, Up);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(recalled, Is.EqualTo("show clock"));
            Assert.That(editor.Text, Is.EqualTo("show clock"));
        }
    }

    [Test]
    public void Abandon_empties_the_line_and_resets_the_cursor()
    {
        var editor = new LineEditor();
        Type(editor, "half typed");
        Press(editor, Left);

        editor.Abandon();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(editor.Text, Is.Empty);
            Assert.That(editor.Cursor, Is.Zero);
            Assert.That(editor.Apply(Enter, new StringBuilder()), Is.Empty);
        }
    }

    [Test]
    public void Abandon_while_browsing_history_returns_to_the_newest_entry()
    {
        var editor = new LineEditor();
        Submit(editor, "a");
        Submit(editor, "b");
        Press(editor, Up, Up);

        editor.Abandon();
        Press(editor, Up);

        Assert.That(editor.Text, Is.EqualTo("b"));
    }

    private static string Type(LineEditor editor, string text)
    {
        var echo = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            Assert.That(editor.Apply(Key.Character(rune), echo), Is.Null);
        }

        return echo.ToString();
    }

    private static string Press(LineEditor editor, params Key[] keys)
    {
        var echo = new StringBuilder();
        foreach (var key in keys)
        {
            Assert.That(editor.Apply(key, echo), Is.Null);
        }

        return echo.ToString();
    }

    private static void Submit(LineEditor editor, string line)
    {
        Type(editor, line);
        Assert.That(editor.Apply(Enter, new StringBuilder()), Is.EqualTo(line));
    }

    [Test]
    public void A_character_outside_the_basic_plane_is_erased_whole()
    {
        var editor = new LineEditor();
        var echo = new StringBuilder();
        editor.Apply(Key.Character(new Rune(0x1F600)), echo);
        editor.Apply(Left, echo);
        editor.Apply(Right, echo);
        echo.Clear();

        editor.Apply(Backspace, echo);

        Assert.That((editor.Text, editor.Cursor, echo.ToString()), Is.EqualTo((string.Empty, 0, "\b \b")));
    }
}
