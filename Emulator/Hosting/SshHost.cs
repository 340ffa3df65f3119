using System.Net;
using System.Net.Sockets;
using NLog;
using VirtualFirewall.Emulator.Recording.Recorder;
using VirtualFirewall.Engine;
using VirtualFirewall.Ssh;

namespace VirtualFirewall.Emulator.Hosting;

/// <summary>Accepts SSH clients for one device, one task per connection, with a cap on those not yet logged in.</summary>
public sealed class SshHost : IAsyncDisposable
{
    private static readonly Logger Log = LogManager.GetCurrentClassLogger();

    private readonly SshServerOptions _options;
    private readonly DeviceSshHost _host;
    private readonly Func<Device> _current;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConnectionSet<SshServerSession> _sessions = new();
    private readonly HashSet<SshServerSession> _dropping = [];
    private readonly int _maxConnections;
    private readonly int _maxUnauthenticated;
    private Task? _acceptLoop;

    public SshHost(Device device, IPEndPoint endpoint, SshServerOptions options, int maxConnections = 256, int maxUnauthenticated = 32)
        : this(() => device, endpoint, options, maxConnections, maxUnauthenticated)
    {
    }

    /// <summary>A host whose device may be replaced (reset to its description): each login uses the current one.</summary>
    public SshHost(Func<Device> current, IPEndPoint endpoint, SshServerOptions options, int maxConnections = 256, int maxUnauthenticated = 32)
    {
        ArgumentNullException.ThrowIfNull(current);
        var device = current();
        _options = options with
        {
            Log = options.Log ?? Write,
            Banner = options.Banner ?? (device.Behavior.LoginBanner is { } banner ? ToCrLf(banner) : null),
            RequireBannerAcknowledgement = options.RequireBannerAcknowledgement || device.Behavior.AcknowledgeBanner,
        };
        _host = new DeviceSshHost(current);
        _current = current;
        _listener = new TcpListener(endpoint);
        _maxConnections = maxConnections;
        _maxUnauthenticated = maxUnauthenticated;
    }

    // RFC 4252 §5.4: the banner's lines end in CR LF.
    private static string ToCrLf(string text) =>
        text.ReplaceLineEndings("\r\n") + (text.EndsWith('\n') ? string.Empty : "\r\n");

    public IPEndPoint LocalEndpoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>Connections open now, logged in or not.</summary>
    public int ActiveConnections => _sessions.Count;

    /// <summary>When set, every interactive shell is recorded as a golden transcript (`--record`).</summary>
    public TranscriptRecorderOptions? Recording { get; init; }

    public void Start()
    {
        _listener.Start();
        var stopping = _stopping.Token;
        _acceptLoop = TcpAcceptLoop.RunAsync(_listener, client => Accept(client, stopping), stopping);
    }

    /// <summary>Stops accepting, tells every client the server is going away (reason 11), and waits for the connections to end.</summary>
    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        var tasks = _sessions.Tasks();
        await Task.WhenAll(_sessions.States().Select(s => s.StopAsync())).ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(tasks.Append(_acceptLoop ?? Task.CompletedTask)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        _stopping.Dispose();
    }

    private void Accept(TcpClient client, CancellationToken stopping)
    {
        if (_sessions.Count >= _maxConnections)
        {
            Log.Warn("ssh: refusing {0}: {1} connections open", client.Client.RemoteEndPoint, _sessions.Count);
            client.Dispose();
            return;
        }

        // Slowloris defence that still lets a real client in: at the cap of connections not yet
        // logged in, the oldest of them makes room for the newcomer.
        lock (_dropping)
        {
            var waiting = _sessions.States().Where(s => s.User is null && !_dropping.Contains(s)).ToList();
            if (waiting.Count >= _maxUnauthenticated)
            {
                var oldest = waiting.MinBy(s => s.StartedAt)!;
                _dropping.Add(oldest);
                Log.Warn("ssh: {0} connections not logged in; dropping the oldest, from {1}", waiting.Count, oldest.RemoteAddress);
                _ = oldest.StopAsync(SshDisconnectReason.TooManyConnections, "too many connections not logged in");
            }
        }

        var remote = (client.Client.RemoteEndPoint as IPEndPoint)?.Address.ToString() ?? "unknown";
        client.NoDelay = true;
        ISshServerHost host = Recording is null ? _host : new RecordingSshServerHost(_host, _current, Recording);
        var session = new SshServerSession(client.GetStream(), _options, host, remote);
        _sessions.Add(ServeAsync(client, session, stopping), session, ended =>
        {
            lock (_dropping)
            {
                _dropping.Remove(ended);
            }
        });
    }

    private static async Task ServeAsync(TcpClient client, SshServerSession session, CancellationToken stopping)
    {
        await Task.Yield();
        Log.Debug("ssh {0}: connected", session.RemoteAddress);
        try
        {
            await session.RunAsync(stopping).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in one connection must not take the listener or the other clients down.
            Log.Error(e, "ssh {0}: connection failed", session.RemoteAddress);
        }
        finally
        {
            if (session.PeerStalled)
            {
                // Output the peer never read would keep the socket (and its buffers) alive: reset it.
                client.LingerState = new LingerOption(true, 0);
            }

            session.Dispose();
            client.Dispose();
        }
    }

    private static void Write(SshLogLevel level, string message)
    {
        var nlogLevel = level switch
        {
            SshLogLevel.Debug => LogLevel.Debug,
            SshLogLevel.Info => LogLevel.Info,
            SshLogLevel.Warning => LogLevel.Warn,
            _ => LogLevel.Error,
        };
        Log.Log(nlogLevel, message);
    }
}
