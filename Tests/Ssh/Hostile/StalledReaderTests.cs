using System.Collections.Concurrent;
using System.Diagnostics;
using Renci.SshNet;
using VirtualFirewall.Ssh;
using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Ssh.Hostile;

/// <summary>
/// A logged-in client that keeps sending commands but stops reading their output: the server holds
/// back its input (bounded pending output), and once its writes make no progress for the stall
/// limit it drops that connection, without growing memory and while serving everyone else.
/// </summary>
[TestFixture]
public sealed class StalledReaderTests
{
    private const string Prompt = "admin@PA-VM> ";

    [Test]
    [CancelAfter(60_000)]
    public async Task A_client_that_stops_reading_is_dropped_and_memory_stays_bounded(CancellationToken cancellation)
    {
        var log = new ConcurrentQueue<string>();
        var options = new SshServerOptions
        {
            HostKeys = SshTestServer.HostKeys,
            Limits = new SshLimits { StalledWriteTimeout = TimeSpan.FromSeconds(2), MaxPendingOutput = 64 * 1024 },
            Log = (_, message) => log.Enqueue(message),
        };
        await using var server = SshTestServer.Start(options);

        // A small receive buffer on the proxy's server side keeps what the kernel absorbs small.
        await using var proxy = LoopbackProxy.Start(server.Port, serverReceiveBuffer: 4096);
        var before = Memory();
        using var victim = new SshClient(NormalClient.Connection(proxy.Port));
        await victim.ConnectAsync(cancellation).WaitAsync(TimeSpan.FromSeconds(10), cancellation);
        using var shell = victim.CreateShellStream("xterm", 80, 24, 0, 0, 4096);
        Assert.That(shell.Expect(Prompt, TimeSpan.FromSeconds(10)), Does.EndWith(Prompt), "the shell's first prompt");

        proxy.StallServerToClient();
        var stalled = Stopwatch.StartNew();
        using var stopFlood = new CancellationTokenSource();
        var sentSoFar = 0L;
        var flood = Task.Run(
            () =>
            {
                var sent = 0L;
                try
                {
                    while (!stopFlood.IsCancellationRequested && stalled.Elapsed < TimeSpan.FromSeconds(20))
                    {
                        shell.Write("show clock\r");
                        shell.Flush();
                        sent++;
                        Interlocked.Exchange(ref sentSoFar, sent);
                    }
                }
                catch (Exception e)
                {
                    return (Sent: sent, Error: e);
                }

                return (Sent: sent, Error: (Exception?)null);
            },
            CancellationToken.None);
        try
        {
            await NormalClient.AssertWorksAsync(server.Port, "while the stalled client floods", cancellation);
            var ended = await WaitForAsync(() => log.Any(IsStalledEnd), TimeSpan.FromSeconds(12), cancellation);
            var elapsed = stalled.Elapsed;

            Assert.That(ended, Is.True, $"{Interlocked.Read(ref sentSoFar)} commands sent, {proxy.ClientToServerBytes} bytes up, {proxy.ServerToClientBytes} down, flood {flood.Status}; the server never dropped the client that stopped reading; log:\n" + string.Join("\n", log.TakeLast(20)));
            Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "time from the stall to the server dropping the connection");
            Assert.That(Memory() - before, Is.LessThan(100L * 1024 * 1024), "managed memory grew while the client did not read");

            // The socket is closed, not just the session: once the proxy reads again it reaches the end.
            proxy.Resume();
            await proxy.ServerClosed.WaitAsync(TimeSpan.FromSeconds(5), cancellation);
            var (sent, error) = await flood.WaitAsync(TimeSpan.FromSeconds(10), cancellation);
            Assert.That(error, Is.Not.Null, $"the flooding client's writes kept succeeding after {sent} commands");
            TestContext.Out.WriteLine($"{sent} commands sent; dropped {elapsed.TotalSeconds:F1} s after the stall; {proxy.ClientToServerBytes} bytes up, {proxy.ServerToClientBytes} down");
        }
        finally
        {
            await stopFlood.CancelAsync();
        }

        await NormalClient.AssertWorksAsync(server.Port, "after the stalled client was dropped", cancellation);
    }

    private static bool IsStalledEnd(string line) => line.Contains("session ended: client stopped reading", StringComparison.Ordinal);

    private static async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(50, cancellation);
        }

        return true;
    }

    private static long Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
