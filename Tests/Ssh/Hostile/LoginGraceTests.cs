using Renci.SshNet;
using VirtualFirewall.Ssh;
using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Ssh.Hostile;

/// <summary>
/// The login grace time bounds how long a connection may stay without logging in, wherever it
/// stalls: before its version line, after it, inside the key exchange, mid-packet, or trickling
/// bytes to look alive. A logged-in session is not subject to it.
/// </summary>
[TestFixture]
public sealed class LoginGraceTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    public enum Stall
    {
        BeforeTheVersionLine,
        AfterTheVersionLine,
        AfterKexInit,
        InsideAPacket,
        TricklingTheVersionLine,
    }

    [TestCase(Stall.BeforeTheVersionLine)]
    [TestCase(Stall.AfterTheVersionLine)]
    [TestCase(Stall.AfterKexInit)]
    [TestCase(Stall.InsideAPacket)]
    [TestCase(Stall.TricklingTheVersionLine)]
    [CancelAfter(30_000)]
    public async Task A_connection_that_never_logs_in_is_closed_after_the_grace_time(Stall stall, CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start(Options());
        using var hostile = await RawSshConnection.OpenPastGreetingAsync(server.Port, cancellation);
        using var stopTrickle = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var trickle = Task.CompletedTask;
        switch (stall)
        {
            case Stall.AfterTheVersionLine:
                await hostile.SendAsync("SSH-2.0-Hostile_1.0\r\n", cancellation);
                break;
            case Stall.AfterKexInit:
                await hostile.SendAsync("SSH-2.0-Hostile_1.0\r\n", cancellation);
                await hostile.SendAsync(Wire.Packet(Wire.KexInitPayload("curve25519-sha256")), cancellation);
                break;
            case Stall.InsideAPacket:
                await hostile.SendAsync("SSH-2.0-Hostile_1.0\r\n", cancellation);
                await hostile.SendAsync([.. Wire.UInt32(1020), 10, 20], cancellation);
                break;
            case Stall.TricklingTheVersionLine:
                trickle = TrickleAsync(hostile, stopTrickle.Token);
                break;
        }

        await NormalClient.AssertWorksAsync(server.Port, "while the hostile connection waits", cancellation);
        var outcome = await hostile.ReadUntilClosedAsync(TimeSpan.FromSeconds(4), cancellation);
        var age = hostile.Age;
        await stopTrickle.CancelAsync();
        await trickle;

        Assert.That(outcome.Ending, Is.EqualTo(Ending.EndOfStream), outcome.Describe());
        Assert.That(outcome.DisconnectReasons, Is.EqualTo(new[] { Wire.ProtocolError }), outcome.Describe());
        Assert.That(age, Is.InRange(Grace * 0.9, Grace * 2.5), "from connecting to being closed");
        await NormalClient.AssertWorksAsync(server.Port, "after the hostile connection", cancellation);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_logged_in_session_outlives_the_grace_time(CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start(Options());
        using var client = new SshClient(NormalClient.Connection(server.Port));
        await client.ConnectAsync(cancellation).WaitAsync(TimeSpan.FromSeconds(10), cancellation);

        await Task.Delay(Grace * 1.5, cancellation);
        var result = await Task.Run(
            () =>
            {
                using var command = client.CreateCommand("show clock");
                command.CommandTimeout = TimeSpan.FromSeconds(5);
                return command.Execute();
            },
            cancellation).WaitAsync(TimeSpan.FromSeconds(10), cancellation);

        Assert.That(result, Is.EqualTo(NormalClient.Clock));
    }

    private static SshServerOptions Options() =>
        new() { HostKeys = SshTestServer.HostKeys, Limits = new SshLimits { LoginGrace = Grace, AuthFailureDelay = TimeSpan.FromMilliseconds(10) } };

    /// <summary>A version line one byte every 100 ms, never finished within the grace time: progress must not reset the clock.</summary>
    private static async Task TrickleAsync(RawSshConnection hostile, CancellationToken cancellation)
    {
        var line = "SSH-2.0-" + new string('t', 100);
        try
        {
            foreach (var c in line)
            {
                await hostile.SendAsync([(byte)c], cancellation);
                await Task.Delay(100, cancellation);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // Stopped by the test, or the server closed the connection.
        }
    }
}
