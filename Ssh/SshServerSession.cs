using System.Text;
using VirtualFirewall.Ssh.Messages.Transport;
using VirtualFirewall.Ssh.Transport;

namespace VirtualFirewall.Ssh;

/// <summary>
/// The server side of one SSH connection over any <see cref="Stream"/>: transport (RFC 4253), user
/// authentication (RFC 4252, 4256) and session channels (RFC 4254). One task reads and dispatches
/// packets; another sends channel output within the client's windows and holds it back during key
/// exchange. Protocol violations end the connection with a DISCONNECT carrying the RFC reason.
/// </summary>
public sealed partial class SshServerSession : IDisposable
{
    private readonly Stream _stream;
    private readonly SshServerOptions _options;
    private readonly ISshServerHost _host;
    private readonly SshPacketWriter _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly AsyncSignal _outputReady = new();
    private SshPacketReader? _reader;
    private CancellationTokenSource? _stopping;
    private volatile bool _disconnected;
    private int _disconnectSent;
    private (SshDisconnectReason Reason, string Description)? _pendingStop;
    private readonly Lock _startGate = new();
    private volatile bool _finished;

    public SshServerSession(Stream stream, SshServerOptions options, ISshServerHost host, string remoteAddress)
    {
        _stream = stream;
        _options = options;
        _host = host;
        RemoteAddress = remoteAddress;
        _writer = new SshPacketWriter(stream);
        ServerVersion = "SSH-2.0-" + options.SoftwareVersion;
    }

    public string RemoteAddress { get; }

    /// <summary>When the connection was accepted.</summary>
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public string ServerVersion { get; }

    /// <summary>The client's version line, without CR LF, once received.</summary>
    public string? ClientVersion { get; private set; }

    /// <summary>The authenticated user, or null.</summary>
    public string? User { get; private set; }

    /// <summary>True when the session ended because the peer stopped reading: its socket is best reset, not drained.</summary>
    public bool PeerStalled { get; private set; }

    /// <summary>Why the session ended, for the log.</summary>
    public string? EndReason { get; private set; }

    public async Task RunAsync(CancellationToken cancellation)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        grace.CancelAfter(_options.Limits.LoginGrace);
        _loginGrace = grace;
        Task? writerLoop = null;
        try
        {
            await SendRawAsync(Encoding.ASCII.GetBytes(ServerVersion + "\r\n"), stopping.Token).ConfigureAwait(false);
            await SendKexInitAsync(stopping.Token).ConfigureAwait(false);

            // Published only after the greeting, so that a stop never writes before the version line.
            (SshDisconnectReason Reason, string Description)? early;
            lock (_startGate)
            {
                _stopping = stopping;
                early = _pendingStop;
            }

            if (early is { } pending)
            {
                EndReason ??= pending.Description;
                await TryDisconnectAsync(pending.Reason, pending.Description).ConfigureAwait(false);
                return;
            }

            var leftover = await ReadVersionAsync(grace.Token).ConfigureAwait(false);
            Log(SshLogLevel.Debug, $"client version {Printable(ClientVersion!)}");
            _reader = new SshPacketReader(_stream, leftover) { MaxPacket = _options.Limits.MaxPacketBeforeKeys };
            writerLoop = RunWriterAsync(stopping);
            while (true)
            {
                var token = User is null ? grace.Token : stopping.Token;
                var payload = await _reader.ReadAsync(token).ConfigureAwait(false);
                if (payload is null)
                {
                    EndReason ??= "client closed the connection";
                    break;
                }

                await DispatchAsync(payload, token).ConfigureAwait(false);
                if (_disconnected)
                {
                    break;
                }
            }
        }
        catch (SshProtocolException e)
        {
            EndReason = $"{e.Reason}: {e.Message}";
            Log(SshLogLevel.Warning, "disconnecting: " + EndReason);
            await TryDisconnectAsync(e.Reason, e.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_disconnected)
        {
            EndReason ??= "stopped";
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            EndReason ??= "server shutting down";
            await TryDisconnectAsync(SshDisconnectReason.ByApplication, "server shutting down").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (User is null && grace.IsCancellationRequested)
        {
            EndReason = "login grace time exceeded";
            await TryDisconnectAsync(SshDisconnectReason.ProtocolError, EndReason).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            EndReason ??= "connection lost";
        }
        finally
        {
            _disconnected = true;
            _finished = true;
            await stopping.CancelAsync().ConfigureAwait(false);
            _outputReady.Set();
            if (writerLoop is not null)
            {
                try
                {
                    await writerLoop.ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SshProtocolException)
                {
                    // The writer ends with the connection.
                }
            }

            CloseAllChannels();
            Log(SshLogLevel.Info, "session ended: " + (EndReason ?? "unknown"));
        }
    }

    public void Dispose()
    {
        _writeLock.Dispose();
        _kexInitGate.Dispose();
        _kex?.Dispose();
        _pendingOpener?.Dispose();
    }

    /// <summary>The writer loop; when it ends (a peer that stopped reading), the whole session ends with it.</summary>
    private async Task RunWriterAsync(CancellationTokenSource stopping)
    {
        try
        {
            await WriterLoopAsync(stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SshProtocolException or IOException or ObjectDisposedException)
        {
            EndReason ??= e.Message;
            _disconnected = true;
        }
        catch (OperationCanceledException)
        {
            // The session is ending.
        }
        finally
        {
            try
            {
                await stopping.CancelAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // Already over.
            }
        }
    }

    /// <summary>Ends the session from the application side: DISCONNECT with reason 11 (shutdown) unless told otherwise.</summary>
    public async Task StopAsync(SshDisconnectReason reason = SshDisconnectReason.ByApplication, string description = "server shutting down")
    {
        if (_finished)
        {
            return;
        }

        lock (_startGate)
        {
            if (_stopping is null)
            {
                // Not running yet: RunAsync ends the connection right after its greeting.
                _pendingStop = (reason, description);
                return;
            }
        }

        EndReason ??= description;
        await TryDisconnectAsync(reason, description).ConfigureAwait(false);
        try
        {
            if (_stopping is { } stopping)
            {
                await stopping.CancelAsync().ConfigureAwait(false);
            }
        }
        catch (ObjectDisposedException)
        {
            // The session ended meanwhile.
        }
    }

    /// <summary>Ends both loops without a word to the peer (it is ending already, or cannot be reached).</summary>
    private void StopLoops()
    {
        try
        {
            _stopping?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The session ended meanwhile.
        }

        _outputReady.Set();
    }

    private CancellationTokenSource? _loginGrace;

    private async Task<byte[]> ReadVersionAsync(CancellationToken cancellation)
    {
        // RFC 4253 §4.2: one line, at most 255 bytes with CR LF; a lone LF is accepted.
        var limit = _options.Limits.MaxVersionLine;
        var buffer = new byte[limit + 512];
        var filled = 0;
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', 0, filled);
            if (newline >= 0)
            {
                var end = newline > 0 && buffer[newline - 1] == '\r' ? newline - 1 : newline;
                if (newline + 1 > limit)
                {
                    throw new SshProtocolException(SshDisconnectReason.ProtocolVersionNotSupported, "version line too long");
                }

                var line = Encoding.ASCII.GetString(buffer, 0, end);
                if (!line.StartsWith("SSH-2.0-", StringComparison.Ordinal) && !line.StartsWith("SSH-1.99-", StringComparison.Ordinal))
                {
                    throw new SshProtocolException(SshDisconnectReason.ProtocolVersionNotSupported, "not an SSH-2.0 client");
                }

                if (line.Any(c => c is < ' ' or > '~'))
                {
                    throw new SshProtocolException(SshDisconnectReason.ProtocolVersionNotSupported, "version line with control characters");
                }

                ClientVersion = line;
                return buffer[(newline + 1)..filled];
            }

            if (filled >= limit)
            {
                throw new SshProtocolException(SshDisconnectReason.ProtocolVersionNotSupported, "version line too long");
            }

            var read = await _stream.ReadAsync(buffer.AsMemory(filled, limit - filled), cancellation).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("closed before the version line");
            }

            filled += read;
        }
    }

    private async ValueTask SendRawAsync(byte[] bytes, CancellationToken cancellation)
    {
        await _writeLock.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, cancellation).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Sends one packet now. Only the reader task and the writer loop call this, under the write lock.</summary>
    private async ValueTask SendPacketAsync(byte[] payload, CancellationToken cancellation)
    {
        // A peer that stops reading blocks the socket write: past the stall limit the connection ends.
        using var stalled = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        stalled.CancelAfter(_options.Limits.StalledWriteTimeout);
        try
        {
            await _writeLock.WaitAsync(stalled.Token).ConfigureAwait(false);
            try
            {
                await _writer.WriteAsync(payload, stalled.Token).ConfigureAwait(false);
            }
            finally
            {
                _writeLock.Release();
            }
        }
        catch (OperationCanceledException) when (stalled.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            EndReason ??= "client stopped reading";
            PeerStalled = true;
            _disconnected = true;
            await (_stopping?.CancelAsync() ?? Task.CompletedTask).ConfigureAwait(false);
            throw new IOException("client stopped reading");
        }
    }

    private async Task TryDisconnectAsync(SshDisconnectReason reason, string description)
    {
        _disconnected = true;
        if (Interlocked.Exchange(ref _disconnectSent, 1) == 1)
        {
            return; // at most one DISCONNECT per connection
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var payload = new DisconnectMessage(reason, description, string.Empty).ToPayload();
            await SendPacketAsync(payload, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The peer is gone or not reading: closing is all that is left.
        }
    }

    private void Log(SshLogLevel level, string message) =>
        _options.Log?.Invoke(level, $"ssh {RemoteAddress}: {message}");

    private static string Printable(string text) =>
        new([.. text.Take(128).Select(c => c is < ' ' or > '~' ? '?' : c)]);
}
