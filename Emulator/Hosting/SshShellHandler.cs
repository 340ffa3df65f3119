using VirtualFirewall.Emulator.Recording.Recorder;
using VirtualFirewall.Emulator.Shell;
using VirtualFirewall.Engine;
using VirtualFirewall.Ssh;

namespace VirtualFirewall.Emulator.Hosting;

/// <summary>The interactive CLI on an SSH session channel: the same shell as Telnet.</summary>
internal sealed class SshShellHandler : ISshChannelHandler
{
    /// <summary>How much of a streamed listing is rendered ahead of the client: a few SSH packets' worth.</summary>
    // Under the 85,000 bytes beyond which .NET allocates on the large-object heap.
    private const int StreamedPieceBudget = 48 * 1024;

    /// <summary>How much of a streamed listing may wait in the channel's queue.</summary>
    private const int StreamedAhead = 512 * 1024;

    private readonly SshSessionChannel _channel;
    private readonly CliShell _shell;
    private readonly SessionRecorder? _recorder;

    public SshShellHandler(Device device, SshSessionChannel channel, TranscriptRecorderOptions? recording = null)
    {
        _channel = channel;
        var (session, banner) = device.Login(channel.User, channel.RemoteAddress, "CLI");
        // A recorder needs each reply whole, so recorded sessions get large listings at once.
        _shell = new CliShell(device, session) { StreamsLargeOutput = recording is null };
        _shell.Resize(channel.Columns, channel.Rows);
        if (recording is null)
        {
            _shell.Start(banner);
        }
        else
        {
            _recorder = new SessionRecorder(recording, device, _shell, "ssh");
            _recorder.Start(banner);
        }

        Flush();
    }

    public void OnInput(ReadOnlySpan<byte> data)
    {
        if (_shell.IsClosed)
        {
            return;
        }

        if (_recorder is null)
        {
            _shell.Feed(data);
        }
        else
        {
            _recorder.Feed(data);
        }

        Flush();
    }

    public void OnResize(int columns, int rows)
    {
        _shell.Resize(columns, rows);
        _recorder?.WindowChanged(columns, rows);
    }

    public void OnEndOfInput()
    {
        if (!_shell.IsClosed)
        {
            _shell.Close();
            _channel.Exit(0);
        }

        _recorder?.Complete();
    }

    public void OnOutputDrained()
    {
        // Keep a few rounds of the transport's writes queued, so the socket never waits for the renderer.
        while (_shell.IsStreaming && !_shell.IsClosed && _channel.PendingBytes < StreamedAhead)
        {
            Flush();
        }
    }

    public bool IsProducing => _shell.IsStreaming && !_shell.IsClosed;

    public void OnClosed()
    {
        if (!_shell.IsClosed)
        {
            _shell.Close();
        }

        _recorder?.Complete();
    }

    private void Flush()
    {
        _shell.ContinueOutput(StreamedPieceBudget);
        _channel.Write(_recorder?.TakeOutput() ?? _shell.TakeOutput());
        if (_shell.IsClosed)
        {
            _recorder?.Complete();
            _channel.Exit(0);
        }
    }
}
