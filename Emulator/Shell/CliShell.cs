using System.Text;
using VirtualFirewall.Emulator.Terminal;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Cli;
using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Engine.Rendering;
using VirtualFirewall.Grammar;

namespace VirtualFirewall.Emulator.Shell;

/// <summary>
/// The CLI of one login session, independent of the transport: bytes in through <c>Feed</c>,
/// bytes out through <see cref="TakeOutput"/>. Runs synchronously, so a transport sends each reply
/// in one write and tests need no sockets or timing.
/// </summary>
public sealed class CliShell
{
    private readonly Device _device;
    private readonly KeyDecoder _decoder;
    private readonly LineEditor _editor = new();
    private readonly TerminalWriter _writer = new();
    private readonly List<Key> _keys = [];
    private PasswordEntry? _password;

    public CliShell(Device device, CliSession session, KeyDecoder? decoder = null)
    {
        _device = device;
        Session = session;
        _decoder = decoder ?? new KeyDecoder();
    }

    public CliSession Session { get; }

    /// <summary>True once the user left (`exit`); the transport then closes the connection.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>Shows the post-login lines and the first prompt.</summary>
    public void Start(string banner)
    {
        _writer.Write(banner);
        WritePrompt();
    }

    /// <summary>The window size reported by the transport (NAWS, pty-req); `set cli terminal` overrides it later.</summary>
    public void Resize(int width, int height)
    {
        if (width > 0)
        {
            Session.Settings.TerminalWidth = width;
        }

        if (height > 0)
        {
            Session.Settings.TerminalHeight = height;
        }
    }

    public void Feed(ReadOnlySpan<byte> input)
    {
        _keys.Clear();
        _decoder.Decode(input, _keys);
        Feed(_keys);
    }

    public void Feed(IEnumerable<Key> keys)
    {
        var echo = new StringBuilder();
        foreach (var key in keys)
        {
            if (IsClosed)
            {
                return;
            }

            if (key.Kind == KeyKind.Interrupt)
            {
                // Ctrl-C abandons the line or the password prompt: a new prompt on the next line.
                _editor.Abandon();
                _password = null;
                echo.Append('\n');
                Flush(echo);
                WritePrompt();
                continue;
            }

            if (_password is not null)
            {
                if (_password.Apply(key, echo) is { } command)
                {
                    _password = null;
                    Flush(echo);
                    Execute(command, PipelineNone, Session.Mode);
                    WritePrompt();
                }

                continue;
            }

            var line = _editor.Apply(key, echo);
            if (line is null)
            {
                if (key.Kind == KeyKind.Character && key.Rune.Value == ' ' && RepaintsWords && _editor.Cursor == _editor.Text.Length)
                {
                    // PAN-OS repaints the line on each completed word outside scripting mode (contract C13).
                    echo.Append("\r\x1b[K").Append(_device.Prompt(Session)).Append(_editor.Text);
                }

                continue;
            }

            echo.Append('\n');
            Flush(echo);
            Run(line);
        }

        Flush(echo);
    }

    /// <summary>Returns and clears the output produced so far, with `\r\n` line ends.</summary>
    public byte[] TakeOutput() => _writer.Take();

    /// <summary>Ends the login session in the device (connection closed or user left).</summary>
    public void Close()
    {
        IsClosed = true;
        _device.Logout(Session);
    }

    private static OutputPipeline PipelineNone => OutputPipeline.None;

    private bool RepaintsWords => _device.Behavior.RepaintWords && !Session.Settings.ScriptingMode;

    private void Run(string line)
    {
        var mode = Session.Mode;
        switch (CommandLine.Parse(line, mode))
        {
            case ParseFailure failure:
                _writer.Write(failure.Message);
                break;
            case ParsedCommand { Command: SetUserPasswordCommand password }:
                _password = new PasswordEntry(password);
                _writer.Write(PasswordEntry.FirstPrompt);
                return;
            case ParsedCommand parsed:
                if (!Execute(parsed.Command, parsed.Pipeline, mode))
                {
                    return;
                }

                break;
        }

        WritePrompt();
    }

    /// <summary>Runs one command and writes its output. False when the login session ended.</summary>
    private bool Execute(Command command, OutputPipeline pipeline, CliMode mode)
    {
        var result = _device.Execute(command, Session);
        var output = pipeline.Apply(result.Output);
        _writer.Write(output);
        if (result.EndsSession)
        {
            Close();
            return false;
        }

        // A command that succeeds in configuration mode is followed by a blank line before the
        // context line; errors are not (panos-cli-reference.md §2.3, §2.4, §2.6).
        if (mode == CliMode.Configuration && Session.Mode == CliMode.Configuration && !result.IsError
            && !output.EndsWith("\n\n", StringComparison.Ordinal))
        {
            _writer.Write("\n");
        }

        return true;
    }

    /// <summary>In configuration mode every prompt follows the `[edit]` context line (contract C10).</summary>
    private void WritePrompt()
    {
        if (Session.Mode == CliMode.Configuration)
        {
            _writer.Write(Messages.EditContext(Session.EditPath));
        }

        _writer.Write(_device.Prompt(Session));
    }

    private void Flush(StringBuilder echo)
    {
        if (echo.Length > 0)
        {
            _writer.Write(echo);
            echo.Clear();
        }
    }
}
