using System.Net;
using System.Net.Sockets;
using NLog;
using VirtualFirewall.Engine;

namespace VirtualFirewall.Emulator.Hosting;

/// <summary>Accepts Telnet clients for one device, one task per connection, up to a limit.</summary>
public sealed class TelnetHost : IAsyncDisposable
{
    private static readonly Logger Log = LogManager.GetCurrentClassLogger();

    private readonly Func<Device> _device;
    private readonly TelnetHostOptions _options;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConnectionSet<TcpClient> _connections = new();
    private Task? _acceptLoop;

    public TelnetHost(Device device, IPEndPoint endpoint, TelnetHostOptions? options = null)
        : this(() => device, endpoint, options)
    {
    }

    /// <summary>A host whose device may be replaced (reset to its description): each connection uses the current one.</summary>
    public TelnetHost(Func<Device> current, IPEndPoint endpoint, TelnetHostOptions? options = null)
    {
        _device = current;
        _options = options ?? new TelnetHostOptions();
        _listener = new TcpListener(endpoint);
    }

    /// <summary>The bound address, with the real port when port 0 was asked for.</summary>
    public IPEndPoint LocalEndpoint => (IPEndPoint)_listener.LocalEndpoint;

    public int ActiveConnections => _connections.Count;

    public void Start()
    {
        _listener.Start();
        var stopping = _stopping.Token;
        _acceptLoop = TcpAcceptLoop.RunAsync(_listener, client => Accept(client, stopping), stopping);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        var running = _connections.Tasks();

        try
        {
            await Task.WhenAll(running.Append(_acceptLoop ?? Task.CompletedTask)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping: the loops end by cancellation.
        }

        _stopping.Dispose();
    }

    private void Accept(TcpClient client, CancellationToken stopping)
    {
        if (_connections.Count >= _options.MaxConnections)
        {
            Log.Warn("telnet: refusing {0}, {1} connections open", client.Client.RemoteEndPoint, _connections.Count);
            client.Dispose();
            return;
        }

        _connections.Add(ServeAsync(client, stopping), client);
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stopping)
    {
        await Task.Yield();
        var remote = (client.Client.RemoteEndPoint as IPEndPoint)?.Address.ToString() ?? "unknown";
        Log.Info("telnet {0}: connected", remote);
        try
        {
            client.NoDelay = true;
            await using var stream = client.GetStream();
            var connection = new TelnetConnection(_device(), stream, remote, _options);
            await connection.RunAsync(stopping).ConfigureAwait(false);
            if (connection.PeerStalled)
            {
                // Output the peer never read would keep the socket (and its buffers) alive: reset it.
                client.LingerState = new LingerOption(true, 0);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in one connection must not take the listener or the other clients down.
            Log.Error(e, "telnet {0}: connection failed", remote);
        }
        finally
        {
            client.Dispose();
            Log.Info("telnet {0}: disconnected", remote);
        }
    }
}
