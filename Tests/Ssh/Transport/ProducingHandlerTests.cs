using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Renci.SshNet;
using VirtualFirewall.Ssh;
using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Ssh.Transport;

/// <summary>
/// A handler that writes a long output in pieces (<see cref="ISshChannelHandler.IsProducing"/>) is asked
/// for more on a thread-pool thread while the session sends: every piece arrives once and in order,
/// calls still never overlap, and a handler that fails there ends its session cleanly.
/// </summary>
[TestFixture]
public sealed class ProducingHandlerTests
{
    private const int Pieces = 400;
    private const int PieceBytes = 8 * 1024;

    [Test]
    [CancelAfter(60_000)]
    public async Task Pieces_written_while_the_session_sends_arrive_in_order(CancellationToken cancellation)
    {
        var host = new ProducingHost(failAfter: null);
        await using var server = await Server.StartAsync(host, cancellation);

        var received = RunExec(server.Port, out _);

        Assert.That(received.Length, Is.EqualTo(Pieces * PieceBytes));
        for (var i = 0; i < Pieces; i++)
        {
            Assert.That(received.AsSpan(i * PieceBytes, 6).ToArray(), Is.EqualTo(Encoding.ASCII.GetBytes(Header(i))), $"piece {i}");
        }

        Assert.That(host.Handler!.Overlapped, Is.False, "two calls for the channel ran at once");
        Assert.That(await server.EndAsync(), Is.Empty, "errors logged");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_handler_failing_while_it_produces_ends_its_session_with_an_error_logged(CancellationToken cancellation)
    {
        var host = new ProducingHost(failAfter: 20);
        await using var server = await Server.StartAsync(host, cancellation);

        var received = RunExec(server.Port, out var ended);

        Assert.That(ended, Is.True, "the client saw the connection end");
        Assert.That(received, Is.Empty);
        var errors = await server.EndAsync();
        Assert.That(errors, Has.Some.Contains("application failed: InvalidOperationException"));
    }

    private static string Header(int piece) => piece.ToString("D5", CultureInfo.InvariantCulture) + "\n";

    /// <summary>Everything an exec channel sends, until it closes or the connection drops.</summary>
    private static byte[] RunExec(int port, out bool connectionEnded)
    {
        using var client = new SshClient(new ConnectionInfo("127.0.0.1", port, "user", new PasswordAuthenticationMethod("user", "secret")));
        client.Connect();
        using var command = client.CreateCommand("produce");
        connectionEnded = false;
        try
        {
            return Encoding.ASCII.GetBytes(command.Execute());
        }
        catch (Exception e) when (e is Renci.SshNet.Common.SshConnectionException or Renci.SshNet.Common.SshException or ObjectDisposedException)
        {
            connectionEnded = true;
            return [];
        }
    }

    private sealed class ProducingHost(int? failAfter) : ISshServerHost
    {
        public ProducingHandler? Handler { get; private set; }

        public bool AuthenticatePassword(string user, string password) => password == "secret";

        public bool IsAuthorizedKey(string user, ReadOnlySpan<byte> publicKeyBlob) => false;

        public ISshChannelHandler OpenShell(SshSessionChannel channel) => throw new NotSupportedException();

        public ISshChannelHandler OpenExec(SshSessionChannel channel, string command) => Handler = new ProducingHandler(channel, failAfter);
    }

    /// <summary>Writes <see cref="Pieces"/> numbered pieces, a few at a time, as the queue drains.</summary>
    private sealed class ProducingHandler : ISshChannelHandler
    {
        private readonly SshSessionChannel _channel;
        private readonly int? _failAfter;
        private int _next;
        private int _inside;

        public ProducingHandler(SshSessionChannel channel, int? failAfter)
        {
            _channel = channel;
            _failAfter = failAfter;
            Produce();
        }

        public bool IsProducing => Volatile.Read(ref _next) < Pieces;

        public bool Overlapped { get; private set; }

        public void OnInput(ReadOnlySpan<byte> data) => Enter(() => { });

        public void OnResize(int columns, int rows)
        {
        }

        public void OnEndOfInput()
        {
        }

        public void OnClosed()
        {
        }

        public void OnOutputDrained() => Enter(Produce);

        private void Enter(Action action)
        {
            if (Interlocked.Increment(ref _inside) > 1)
            {
                Overlapped = true;
            }

            try
            {
                action();
            }
            finally
            {
                Interlocked.Decrement(ref _inside);
            }
        }

        private void Produce()
        {
            while (_next < Pieces && _channel.PendingBytes < 4 * PieceBytes)
            {
                if (_next == _failAfter)
                {
                    throw new InvalidOperationException("the application broke");
                }

                var piece = new byte[PieceBytes];
                piece.AsSpan().Fill((byte)'.');
                Encoding.ASCII.GetBytes(Header(_next)).CopyTo(piece, 0);
                _channel.Write(piece);
                Volatile.Write(ref _next, _next + 1);
            }

            if (_next == Pieces)
            {
                _channel.Exit(0);
                _next++;
            }
        }
    }

    /// <summary>One SSH session over a loopback socket the OS picked, with the errors it logged.</summary>
    private sealed class Server : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly Task _session;
        private readonly ConcurrentQueue<string> _errors;
        private readonly CancellationTokenSource _stop;

        private Server(TcpListener listener, Task session, ConcurrentQueue<string> errors, CancellationTokenSource stop)
        {
            _listener = listener;
            _session = session;
            _errors = errors;
            _stop = stop;
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public static Task<Server> StartAsync(ISshServerHost host, CancellationToken cancellation)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var errors = new ConcurrentQueue<string>();
            var options = SshTestServer.Options with
            {
                Log = (level, message) =>
                {
                    if (level == SshLogLevel.Error)
                    {
                        errors.Enqueue(message);
                    }
                },
            };
            var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var session = Task.Run(
                async () =>
                {
                    using var socket = await listener.AcceptSocketAsync(stop.Token);
                    await using var stream = new NetworkStream(socket, ownsSocket: false);
                    using var ssh = new SshServerSession(stream, options, host, "127.0.0.1");
                    await ssh.RunAsync(stop.Token);
                },
                stop.Token);
            return Task.FromResult(new Server(listener, session, errors, stop));
        }

        /// <summary>Waits for the session to end (it must end by itself) and returns the errors it logged.</summary>
        public async Task<IReadOnlyList<string>> EndAsync()
        {
            await _session.WaitAsync(TimeSpan.FromSeconds(20));
            return [.. _errors];
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _session;
            }
            catch (OperationCanceledException)
            {
                // Stopped by the test's end.
            }

            _listener.Stop();
            _stop.Dispose();
        }
    }
}
