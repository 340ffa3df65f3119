using System.Net;
using System.Net.Sockets;

namespace VirtualFirewall.Tests.Ssh.Hostile;

/// <summary>
/// A man in the middle on loopback for one client connection: forwards both ways and, when told,
/// flips one bit of the client's next chunk or stops reading from the server (a client that stops reading).
/// When either side ends, it closes both.
/// </summary>
internal sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _serverPort;
    private readonly int? _serverReceiveBuffer;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _serverClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _corrupted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private TaskCompletionSource _flowing = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _corruptNext;
    private volatile bool _corruptMiddle;
    private long _clientToServer;
    private long _serverToClient;
    private Task _run = Task.CompletedTask;

    private LoopbackProxy(int serverPort, int? serverReceiveBuffer)
    {
        _serverPort = serverPort;
        _serverReceiveBuffer = serverReceiveBuffer;
        _flowing.SetResult();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Completes when the server's side of the connection ends: end of stream, reset, or a failed write to it.</summary>
    public Task ServerClosed => _serverClosed.Task;

    /// <summary>Completes when a bit has been flipped.</summary>
    public Task Corrupted => _corrupted.Task;

    public long ClientToServerBytes => Interlocked.Read(ref _clientToServer);

    public long ServerToClientBytes => Interlocked.Read(ref _serverToClient);

    /// <summary>
    /// Starts a proxy for one connection to <paramref name="serverPort"/>. A small
    /// <paramref name="serverReceiveBuffer"/> keeps what the kernel buffers for a stalled reader small.
    /// </summary>
    public static LoopbackProxy Start(int serverPort, int? serverReceiveBuffer = null)
    {
        var proxy = new LoopbackProxy(serverPort, serverReceiveBuffer);
        proxy._listener.Start(1);
        proxy._run = proxy.RunAsync(proxy._stop.Token);
        return proxy;
    }

    /// <summary>
    /// Flips the lowest bit of one byte of the next chunk the client sends: the last byte (inside the
    /// MAC or tag of a whole packet) or one in the middle (the encrypted body); never the length field.
    /// </summary>
    public void CorruptNextClientChunk(bool middle = false)
    {
        _corruptMiddle = middle;
        _corruptNext = true;
    }

    /// <summary>Stops reading from the server: its writes back up as if the client had stopped reading.</summary>
    public void StallServerToClient()
    {
        lock (_gate)
        {
            if (_flowing.Task.IsCompleted)
            {
                _flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    public void Resume()
    {
        lock (_gate)
        {
            _flowing.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Resume();
        _listener.Stop();
        await _run.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        try
        {
            using var client = await _listener.AcceptTcpClientAsync(stop);
            using var server = new TcpClient(AddressFamily.InterNetwork) { NoDelay = true };
            if (_serverReceiveBuffer is { } size)
            {
                server.ReceiveBufferSize = size;
            }

            client.NoDelay = true;
            await server.ConnectAsync(IPAddress.Loopback, _serverPort, stop);
            var clientStream = client.GetStream();
            var serverStream = server.GetStream();
            using var ending = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var up = PumpAsync(clientStream, serverStream, toServer: true, ending.Token);
            var down = PumpAsync(serverStream, clientStream, toServer: false, ending.Token);
            await Task.WhenAny(up, down);
            await ending.CancelAsync();
            client.Client.Close(0);
            server.Client.Close(0);
            await Task.WhenAll(up, down);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // Stopped.
        }
        finally
        {
            _serverClosed.TrySetResult();
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool toServer, CancellationToken cancellation)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                if (!toServer)
                {
                    Task flowing;
                    lock (_gate)
                    {
                        flowing = _flowing.Task;
                    }

                    await flowing.WaitAsync(cancellation);
                }

                int read;
                try
                {
                    read = await from.ReadAsync(buffer, cancellation);
                }
                catch (Exception e) when ((e is IOException or SocketException) && !toServer)
                {
                    _serverClosed.TrySetResult();
                    return;
                }

                if (read == 0)
                {
                    if (!toServer)
                    {
                        _serverClosed.TrySetResult();
                    }

                    return;
                }

                if (toServer && _corruptNext)
                {
                    _corruptNext = false;
                    buffer[_corruptMiddle ? Math.Max(8, read / 2) : read - 1] ^= 1;
                    _corrupted.TrySetResult();
                }

                try
                {
                    await to.WriteAsync(buffer.AsMemory(0, read), cancellation);
                }
                catch (Exception e) when ((e is IOException or SocketException) && toServer)
                {
                    _serverClosed.TrySetResult();
                    return;
                }

                Interlocked.Add(ref toServer ? ref _clientToServer : ref _serverToClient, read);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The other pump ended the connection.
        }
    }
}
