using System.Text;
using VirtualFirewall.Emulator.Terminal;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Cli;
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
                // Ctrl-C abandons the line: a new prompt on the next line.
                _editor.Abandon();
                echo.Append('\n');
                Flush(echo);
                WritePrompt();
                continue;
            }

            var line = _editor.Apply(key, echo);
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

    /// <summary>Returns and clears the output produced so far, with `\r\n` line ends.</summary>
    public byte[] TakeOutput() => _writer.Take();

    /// <summary>Ends the login session in the device (connection closed or user left).</summary>
    public void Close()
    {
        IsClosed = true;
        _device.Logout(Session);
    }

    private void Run(string line)
    {
        switch (CommandLine.Parse(line))
        {
            case ParseFailure failure:
                _writer.Write(failure.Message);
                break;
            case ParsedCommand parsed:
                var result = _device.Execute(parsed.Command, Session);
                _writer.Write(parsed.Pipeline.Apply(result.Output));
                if (result.EndsSession)
                {
                    Close();
                    return;
                }

                break;
        }

        WritePrompt();
    }

    private void WritePrompt() => _writer.Write(_device.Prompt(Session));

    private void Flush(StringBuilder echo)
    {
        if (echo.Length > 0)
        {
            _writer.Write(echo);
            echo.Clear();
        }
    }
}
