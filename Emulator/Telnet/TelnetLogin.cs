using System.Text;
using VirtualFirewall.Emulator.Terminal;
using VirtualFirewall.Engine.Users;

namespace VirtualFirewall.Emulator.Telnet;

/// <summary>
/// The `login: ` / `Password: ` dialog of the management Telnet service (client contract C14; the
/// bare `login: ` prompt is what Netshot's PAN-OS driver waits for). The password is never echoed.
/// A wrong password prints `Login incorrect` and asks again; after <see cref="MaxAttempts"/> failures
/// the connection closes. Pure: keys in, text out.
/// </summary>
public sealed class TelnetLogin
{
    public const int MaxAttempts = 3;
    public const string LoginPrompt = "login: ";
    public const string PasswordPrompt = "Password: ";
    public const string Incorrect = "Login incorrect\n";

    // Longer names or passwords are cut: nothing valid is this long, and memory stays bounded.
    private const int MaxFieldLength = 256;

    private readonly UserDirectory _users;
    private readonly StringBuilder _field = new();
    private string _user = string.Empty;
    private bool _askingPassword;
    private int _failures;

    public TelnetLogin(UserDirectory users)
    {
        _users = users;
    }

    /// <summary>The authenticated user, once <see cref="LoginOutcome.Authenticated"/> was returned.</summary>
    public string User => _user;

    public static string Start() => LoginPrompt;

    public LoginOutcome Apply(Key key, StringBuilder output)
    {
        switch (key.Kind)
        {
            case KeyKind.Character:
                if (_field.Length < MaxFieldLength)
                {
                    _field.Append(key.Rune.ToString());
                    if (!_askingPassword)
                    {
                        output.Append(key.Rune.ToString());
                    }
                }

                return LoginOutcome.Pending;
            case KeyKind.Backspace:
                if (_field.Length > 0)
                {
                    _field.Length--;
                    if (!_askingPassword)
                    {
                        output.Append("\b \b");
                    }
                }

                return LoginOutcome.Pending;
            case KeyKind.Interrupt:
                _field.Clear();
                _askingPassword = false;
                output.Append('\n').Append(LoginPrompt);
                return LoginOutcome.Pending;
            case KeyKind.Enter:
                output.Append('\n');
                return Submit(output);
            default:
                return LoginOutcome.Pending;
        }
    }

    /// <summary>After the failure delay: the message and either a new prompt or the end.</summary>
    public LoginOutcome Retry(StringBuilder output)
    {
        output.Append(Incorrect);
        if (_failures >= MaxAttempts)
        {
            return LoginOutcome.Disconnect;
        }

        output.Append(LoginPrompt);
        return LoginOutcome.Pending;
    }

    private LoginOutcome Submit(StringBuilder output)
    {
        if (!_askingPassword)
        {
            _user = _field.ToString();
            _field.Clear();
            if (_user.Length == 0)
            {
                output.Append(LoginPrompt);
                return LoginOutcome.Pending;
            }

            _askingPassword = true;
            output.Append(PasswordPrompt);
            return LoginOutcome.Pending;
        }

        var password = _field.ToString();
        _field.Clear();
        _askingPassword = false;
        if (_users.VerifyPassword(_user, password))
        {
            return LoginOutcome.Authenticated;
        }

        _failures++;
        return LoginOutcome.Rejected;
    }
}
