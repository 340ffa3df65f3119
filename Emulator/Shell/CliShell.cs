using System.Text;
using VirtualFirewall.Emulator.Terminal;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Cli;
using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Engine.Rendering;
using VirtualFirewall.Grammar;
using VirtualFirewall.Grammar.Help;

namespace VirtualFirewall.Emulator.Shell;

/// <summary>
/// The CLI of one login session, independent of the transport: bytes in through <c>Feed</c>,
/// bytes out through <see cref="TakeOutput"/>. Runs synchronously, so a transport sends each reply
/// in one write and tests need no sockets or timing.
/// </summary>
public sealed class CliShell
{
    private const int MaxTypeAhead = 4096;

    private readonly Device _device;
    private readonly KeyDecoder _decoder;
    private readonly LineEditor _editor = new();
    private readonly TerminalWriter _writer = new();
    private readonly List<Key> _keys = [];
    private PasswordEntry? _password;
    private readonly List<Key> _typeAhead = [];
    private OutputPager? _pager;
    private StreamedOutput? _streaming;
    private string _afterPager = string.Empty;

    public CliShell(Device device, CliSession session, KeyDecoder? decoder = null)
    {
        _device = device;
        Session = session;
        _decoder = decoder ?? new KeyDecoder();
    }

    public CliSession Session { get; }

    /// <summary>
    /// True when the transport takes large listings piece by piece: it calls <see cref="ContinueOutput"/>
    /// whenever the client has taken what was sent, while <see cref="IsStreaming"/>.
    /// </summary>
    public bool StreamsLargeOutput { get; init; }

    /// <summary>True while a large listing is being written; keys typed meanwhile wait for its end.</summary>
    public bool IsStreaming => _streaming is not null;

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

            if (_streaming is not null)
            {
                WhileStreaming(key, echo);
                continue;
            }

            if (_pager is not null)
            {
                if (_pager.Apply(key, echo))
                {
                    _pager = null;
                    echo.Append(_afterPager);
                    Flush(echo);
                    WritePrompt();
                }

                continue;
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
                    if (Execute(command, OutputPipeline.None, Session.Mode))
                    {
                        WritePrompt();
                    }
                }

                continue;
            }

            switch (key.Kind)
            {
                case KeyKind.Character when key.Rune.Value == '?' && !InOpenQuote(TextBeforeCursor):
                    ShowHelp(echo);
                    continue;
                case KeyKind.Tab:
                    Complete(echo);
                    continue;
                case KeyKind.EndOfFile:
                    // No capture shows PAN-OS's Ctrl-D; it follows the emacs keys the editor already has:
                    // delete the character under the cursor, nothing on an empty line.
                    _editor.Apply(Key.Of(KeyKind.Delete), echo);
                    continue;
            }

            var line = Type(key, echo);
            if (line is null)
            {
                continue;
            }

            echo.Append('\n');
            Flush(echo);
            Run(line);
        }

        Flush(echo);
    }

    /// <summary>
    /// Writes more of the listing being streamed until <paramref name="budget"/> bytes are pending;
    /// after its last piece, the prompt, then the keys typed meanwhile.
    /// </summary>
    /// <param name="budget">How many bytes of output may wait in <see cref="TakeOutput"/>.</param>
    public void ContinueOutput(int budget)
    {
        while (_streaming is { } streaming && _writer.PendingCount < budget)
        {
            var more = _device.ContinueOutput(streaming, _writer.TerminalBytes, LineEnd.CrLf);
            if (!more)
            {
                _streaming = null;
                _writer.Write(_afterPager);
                WritePrompt();
                var typed = _typeAhead.ToArray();
                _typeAhead.Clear();
                Feed(typed);
            }
        }
    }

    /// <summary>Returns and clears the output produced so far, with `\r\n` line ends.</summary>
    public byte[] TakeOutput() => _writer.Take();

    /// <summary>Ends the login session in the device (connection closed or user left).</summary>
    public void Close()
    {
        IsClosed = true;
        _device.Logout(Session);
    }

    /// <summary>
    /// A key during a streamed listing: Ctrl-C ends the listing at the piece already sent, any other
    /// key waits (up to a terminal's worth of type-ahead) for the prompt.
    /// </summary>
    private void WhileStreaming(Key key, StringBuilder echo)
    {
        if (key.Kind == KeyKind.Interrupt)
        {
            _streaming = null;
            _typeAhead.Clear();
            echo.Append('\n');
            Flush(echo);
            WritePrompt();
        }
        else if (_typeAhead.Count < MaxTypeAhead)
        {
            _typeAhead.Add(key);
        }
    }

    private bool RepaintsWords => _device.Behavior.RepaintWords && !Session.Settings.ScriptingMode;

    private string TextBeforeCursor => _editor.Text[.._editor.Cursor];

    private static bool InOpenQuote(string text) => text.Count(c => c == '"') % 2 == 1;

    /// <summary>One key to the line editor, with PAN-OS's repaint after a word. Returns the line on Enter.</summary>
    private string? Type(Key key, StringBuilder echo)
    {
        var before = _editor.Length;
        var line = _editor.Apply(key, echo);

        // Only a space that was typed repaints: on a full line each pasted space would otherwise echo
        // the whole line again, turning a pasted megabyte into gigabytes of output.
        if (line is null && key.Kind == KeyKind.Character && key.Rune.Value == ' ' && RepaintsWords
            && _editor.Length > before && _editor.Cursor == _editor.Length)
        {
            // Outside scripting mode PAN-OS repaints the line on each completed word (contract C13).
            echo.Append("\r\u001b[K").Append(_device.Prompt(Session)).Append(_editor.Text);
        }

        return line;
    }

    /// <summary>`?`: what may come next, in PAN-OS's help layout, then the line again (reference §2.7, gaps §4).</summary>
    private void ShowHelp(StringBuilder echo)
    {
        var listing = CommandHelp.Describe(CommandLine.RootFor(Session.Mode), TextBeforeCursor) switch
        {
            HelpRows rows => HelpRenderer.Render(rows.Rows),
            HelpFailure failure => failure.Message,
            _ => string.Empty,
        };
        echo.Append('\n').Append(listing);
        Redraw(echo);
    }

    /// <summary>Tab: completes a unique word, or lists the candidates and redraws the line.</summary>
    private void Complete(StringBuilder echo)
    {
        switch (CommandHelp.Complete(CommandLine.RootFor(Session.Mode), TextBeforeCursor))
        {
            case Insert insert:
                foreach (var rune in insert.Text.EnumerateRunes())
                {
                    Type(Key.Character(rune), echo);
                }

                break;
            case Candidates candidates:
                echo.Append('\n').Append(HelpRenderer.Render(candidates.Rows));
                Redraw(echo);
                break;
            default:
                echo.Append('\a');
                break;
        }
    }

    /// <summary>The prompt and the line being typed, with the cursor back where it was.</summary>
    private void Redraw(StringBuilder echo)
    {
        echo.Append(_device.Prompt(Session)).Append(_editor.Text).Append('\b', _editor.Text.Length - _editor.Cursor);
    }

    private void Run(string line)
    {
        var mode = Session.Mode;
        switch (CommandLine.Parse(line, mode, Session.EditPath))
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

    /// <summary>
    /// Runs one command and writes its output, through the pager when it is on. False when no prompt
    /// follows now: the login session ended, or the pager waits for a key.
    /// </summary>
    private bool Execute(Command command, OutputPipeline pipeline, CliMode mode)
    {
        var streamable = StreamsLargeOutput && pipeline.Filters.Count == 0 && !Session.Settings.Pager;
        var result = _device.Execute(command, Session, streamable);
        if (result.Stream is { } stream)
        {
            // A listing ends with one line end, so configuration mode adds the blank line, as below.
            _afterPager = mode == CliMode.Configuration && Session.Mode == CliMode.Configuration ? "\n" : string.Empty;
            _streaming = stream;
            return false;
        }

        var output = pipeline.Apply(result.Output);
        if (result.EndsSession)
        {
            _writer.Write(output);
            Close();
            return false;
        }

        // A command that succeeds in configuration mode is followed by a blank line before the
        // context line; errors are not (panos-cli-reference.md §2.3, §2.4, §2.6).
        _afterPager = mode == CliMode.Configuration && Session.Mode == CliMode.Configuration && !result.IsError
            && !output.EndsWith("\n\n", StringComparison.Ordinal) ? "\n" : string.Empty;
        if (!Session.Settings.Pager)
        {
            _writer.Write(output);
            _writer.Write(_afterPager);
            return true;
        }

        var shown = new StringBuilder();
        _pager = OutputPager.Start(output, Session.Settings.TerminalWidth, Session.Settings.TerminalHeight, shown);
        _writer.Write(shown);
        if (_pager is not null)
        {
            return false;
        }

        _writer.Write(_afterPager);
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
