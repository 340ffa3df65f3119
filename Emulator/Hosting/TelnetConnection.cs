using System.Buffers;
using System.Text;
using NLog;
using VirtualFirewall.Emulator.Recording.Recorder;
using VirtualFirewall.Emulator.Shell;
using VirtualFirewall.Emulator.Telnet;
using VirtualFirewall.Emulator.Terminal;
using VirtualFirewall.Engine;

namespace VirtualFirewall.Emulator.Hosting;

/// <summary>
/// One Telnet client: option negotiation (WILL ECHO, WILL SGA, DO NAWS, DO TTYPE; everything else
/// refused), the login dialog, then the CLI. The server echoes whether or not the client agreed to
/// ECHO: netmiko's telnetlib refuses every option and still expects to see its typing (C14).
/// </summary>
internal sealed class TelnetConnection
{
    private static readonly Logger Log = LogManager.GetCurrentClassLogger();

    /// <summary>How much of a streamed listing is rendered per write.</summary>
    private const int StreamedPieceBudget = 48 * 1024;

    private readonly Device _device;
    private readonly Stream _stream;
    private readonly string _remoteAddress;
    private readonly TelnetHostOptions _options;
    private readonly TelnetDecoder _telnet = new();
    private readonly TelnetOptionNegotiator _negotiator = TelnetOptionNegotiator.ForServer();
    private readonly KeyDecoder _keyDecoder = new();
    private readonly TerminalWriter _loginWriter = new();
    private readonly TelnetLogin _login;
    private readonly ArrayBufferWriter<byte> _outgoing = new(4096);
    private readonly List<Key> _keys = [];
    private CliShell? _shell;
    private SessionRecorder? _recorder;
    private (int Width, int Height)? _pendingSize;
    private bool _terminalTypeRequested;
    private bool _closing;

    public TelnetConnection(Device device, Stream stream, string remoteAddress, TelnetHostOptions options)
    {
        _device = device;
        _stream = stream;
        _remoteAddress = remoteAddress;
        _options = options;
        _login = new TelnetLogin(device.Users);
    }

    /// <summary>True when the connection ended because the client stopped reading; its socket should be reset, not drained.</summary>
    public bool PeerStalled { get; private set; }

    public async Task RunAsync(CancellationToken cancellation)
    {
        try
        {
            Append(_negotiator.RequestLocal(TelnetCodes.ECHO));
            Append(_negotiator.RequestLocal(TelnetCodes.SGA));
            Append(_negotiator.RequestRemote(TelnetCodes.NAWS));
            Append(_negotiator.RequestRemote(TelnetCodes.TTYPE));
            if (_device.Behavior.LoginBanner is { } banner)
            {
                _loginWriter.Write(banner.EndsWith('\n') ? banner : banner + "\n");
            }

            _loginWriter.Write(TelnetLogin.Start());
            await FlushAsync(cancellation).ConfigureAwait(false);

            using var loginDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            loginDeadline.CancelAfter(_options.LoginTimeout);
            var buffer = new byte[4096];
            while (!_closing)
            {
                var token = _shell is null ? loginDeadline.Token : cancellation;
                var read = await _stream.ReadAsync(buffer, token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                foreach (var item in _telnet.Decode(buffer.AsSpan(0, read)))
                {
                    await HandleAsync(item, cancellation).ConfigureAwait(false);
                    if (_closing)
                    {
                        break;
                    }
                }

                await FlushAsync(cancellation).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (PeerStalled)
        {
            Log.Warn("telnet {0}: closed: the client stopped reading", _remoteAddress);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Log.Info("telnet {0}: closed (shutdown)", _remoteAddress);
            await SayShuttingDownAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Log.Info("telnet {0}: closed (login timeout)", _remoteAddress);
        }
        catch (IOException)
        {
            // The peer went away mid-write or mid-read: nothing to tell anyone.
        }
        finally
        {
            _shell?.Close();
            _recorder?.Complete();
        }
    }

    private async Task HandleAsync(TelnetEvent item, CancellationToken cancellation)
    {
        switch (item)
        {
            case TelnetData data:
                _keys.Clear();
                _keyDecoder.Decode(data.Bytes, _keys);
                await HandleKeysAsync(cancellation).ConfigureAwait(false);
                break;
            case TelnetNegotiation negotiation:
                Append(_negotiator.Receive(negotiation));
                if (!_terminalTypeRequested && _negotiator.IsRemoteEnabled(TelnetCodes.TTYPE))
                {
                    _terminalTypeRequested = true;
                    Append(TelnetEncoder.Subnegotiation(TelnetCodes.TTYPE, [TelnetCodes.SEND]));
                }

                break;
            case TelnetSubnegotiation { Option: TelnetCodes.NAWS } naws
                when TelnetSubnegotiationParser.TryParseNaws(naws.Payload, out var width, out var height):
                _shell?.Resize(width, height);
                _recorder?.WindowChanged(width, height);
                _pendingSize = (width, height);
                break;
            case TelnetSubnegotiation { Option: TelnetCodes.TTYPE } ttype
                when TelnetSubnegotiationParser.TryParseTerminalType(ttype.Payload, out var terminalType):
                Log.Debug("telnet {0}: terminal type {1}", _remoteAddress, terminalType);
                break;
            case TelnetCommand { Code: TelnetCodes.AYT }:
                Append("\r\n[Yes]\r\n"u8);
                break;
            case TelnetCommand { Code: TelnetCodes.IP }:
                _keys.Clear();
                _keys.Add(Key.Of(KeyKind.Interrupt));
                await HandleKeysAsync(cancellation).ConfigureAwait(false);
                break;
        }
    }

    private async Task HandleKeysAsync(CancellationToken cancellation)
    {
        for (var i = 0; i < _keys.Count && !_closing; i++)
        {
            if (_shell is not null)
            {
                if (_recorder is null)
                {
                    _shell.Feed(_keys.Skip(i));
                }
                else
                {
                    _recorder.Feed(_keys.Skip(i));
                }

                _closing = _shell.IsClosed;
                return;
            }

            var output = new StringBuilder();
            var outcome = _login.Apply(_keys[i], output);
            _loginWriter.Write(output);
            switch (outcome)
            {
                case LoginOutcome.Rejected:
                    Log.Warn("telnet {0}: login failed for user {1}", _remoteAddress, LogText.Printable(_login.User));
                    await FlushAsync(cancellation).ConfigureAwait(false);
                    await Task.Delay(_options.FailureDelay, cancellation).ConfigureAwait(false);
                    output.Clear();
                    var next = _login.Retry(output);
                    _loginWriter.Write(output);
                    if (next == LoginOutcome.Disconnect)
                    {
                        _closing = true;
                    }

                    break;
                case LoginOutcome.Authenticated:
                    Log.Info("telnet {0}: user {1} logged in", _remoteAddress, LogText.Printable(_login.User));
                    var (session, banner) = _device.Login(_login.User, _remoteAddress, "CLI");
                    // A recorder needs each reply whole, so recorded sessions get large listings at once.
                    _shell = new CliShell(_device, session, _keyDecoder) { StreamsLargeOutput = _options.Recording is null };
                    if (_pendingSize is { } size)
                    {
                        _shell.Resize(size.Width, size.Height);
                    }

                    if (_options.Recording is { } recording)
                    {
                        _recorder = new SessionRecorder(recording, _device, _shell, "telnet");
                        _recorder.Start(banner);
                    }
                    else
                    {
                        _shell.Start(banner);
                    }

                    break;
            }
        }
    }

    /// <summary>Telnet has no disconnect message: a line tells the user why the connection closes, if the client still reads.</summary>
    private async Task SayShuttingDownAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            Append("\r\n\r\nThe server is shutting down.\r\n"u8);
            await FlushAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client is gone or not reading: closing is all that is left.
        }
    }

    private void Append(ReadOnlySpan<byte> bytes) => _outgoing.Write(bytes);

    private async Task FlushAsync(CancellationToken cancellation)
    {
        if (_loginWriter.HasPending)
        {
            Append(TelnetEncoder.EscapeData(_loginWriter.Take()));
        }

        if (_shell is not null)
        {
            Append(TelnetEncoder.EscapeData(_recorder?.TakeOutput() ?? _shell.TakeOutput()));
        }

        if (_outgoing.WrittenCount > 0)
        {
            await WriteAsync(_outgoing.WrittenMemory, cancellation).ConfigureAwait(false);
            _outgoing.ResetWrittenCount();
        }

        // A long listing goes out piece by piece, each written before the next is rendered; keys
        // typed meanwhile wait in the socket.
        while (_shell is { IsStreaming: true } shell)
        {
            shell.ContinueOutput(StreamedPieceBudget);
            await WriteAsync(TelnetEncoder.EscapeData(shell.TakeOutput()), cancellation).ConfigureAwait(false);
        }
    }

    // The read loop waits for each write, so a client that stops reading is back-pressured; the
    // stall limit frees its connection slot.
    private async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellation)
    {
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        stall.CancelAfter(_options.StalledWriteTimeout);
        try
        {
            await _stream.WriteAsync(bytes, stall.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            PeerStalled = true;
            throw;
        }
    }
}
