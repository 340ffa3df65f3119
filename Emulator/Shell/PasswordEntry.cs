using System.Text;
using VirtualFirewall.Emulator.Terminal;
using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Engine.Rendering;

namespace VirtualFirewall.Emulator.Shell;

/// <summary>
/// The two hidden prompts of `set mgt-config users &lt;name&gt; password`: nothing typed is echoed,
/// Backspace edits, Enter moves on, Ctrl-C gives up.
/// </summary>
internal sealed class PasswordEntry
{
    private readonly SetUserPasswordCommand _command;
    private readonly StringBuilder _typed = new();
    private string? _first;

    public PasswordEntry(SetUserPasswordCommand command) => _command = command;

    public static string FirstPrompt => Messages.EnterPassword;

    /// <summary>
    /// Takes one key. Returns the finished command after the second Enter, otherwise null; writes
    /// what the terminal shows (the line end, the second prompt) to <paramref name="echo"/>.
    /// </summary>
    public SetUserPasswordCommand? Apply(Key key, StringBuilder echo)
    {
        switch (key.Kind)
        {
            case KeyKind.Character:
                if (_typed.Length < LineEditor.MaxLineLength)
                {
                    _typed.Append(key.Rune.ToString());
                }

                return null;
            case KeyKind.Backspace when _typed.Length > 0:
                _typed.Length -= char.IsLowSurrogate(_typed[^1]) && _typed.Length > 1 ? 2 : 1;
                return null;
            case KeyKind.Enter when _first is null:
                _first = _typed.ToString();
                _typed.Clear();
                echo.Append('\n').Append(Messages.ConfirmPassword);
                return null;
            case KeyKind.Enter:
                echo.Append('\n');
                return _command with { Password = _first, Confirmation = _typed.ToString() };
            default:
                return null;
        }
    }
}
