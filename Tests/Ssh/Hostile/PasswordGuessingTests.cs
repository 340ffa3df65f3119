using System.Collections.Concurrent;
using System.Diagnostics;
using Renci.SshNet;
using Renci.SshNet.Common;
using Renci.SshNet.Messages.Transport;
using VirtualFirewall.Ssh;
using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Ssh.Hostile;

/// <summary>
/// Password guessing: each failure is answered cleanly (USERAUTH_FAILURE after a delay), the sixth on
/// a connection with DISCONNECT 14; the device counts them; the right password still works.
/// </summary>
[TestFixture]
public sealed class PasswordGuessingTests
{
    private const int Guesses = 1000;
    private const int PerConnection = 6;
    private const string FailureLine = "password authentication failed for user admin";

    [Test]
    [CancelAfter(90_000)]
    public async Task A_thousand_wrong_passwords_each_fail_cleanly_and_the_right_one_then_works(CancellationToken cancellation)
    {
        var log = new ConcurrentQueue<string>();
        var options = new SshServerOptions
        {
            HostKeys = SshTestServer.HostKeys,
            Limits = new SshLimits { AuthFailureDelay = TimeSpan.FromMilliseconds(10) },
            Log = (_, message) => log.Enqueue(message),
        };
        await using var server = SshTestServer.Start(options);
        var guessed = 0;
        var connections = 0;
        var sinceLastLogin = 0;
        while (guessed < Guesses)
        {
            var count = Math.Min(PerConnection, Guesses - guessed);
            var methods = Enumerable.Range(guessed, count).Select(g => new PasswordAuthenticationMethod("admin", $"guess-{g}")).ToArray<AuthenticationMethod>();
            var info = new ConnectionInfo("127.0.0.1", server.Port, "admin", methods) { Timeout = TimeSpan.FromSeconds(5) };
            var failure = await ConnectAndFailAsync(info, cancellation);

            // Five wrong passwords leave the connection open with "permission denied"; the sixth ends it with DISCONNECT 14.
            if (count == PerConnection)
            {
                Assert.That(failure, Is.TypeOf<SshConnectionException>(), $"connection {connections}: {failure}");
                Assert.That(((SshConnectionException)failure).DisconnectReason, Is.EqualTo(DisconnectReason.NoMoreAuthenticationMethodsAvailable), $"connection {connections}: {failure}");
            }
            else
            {
                Assert.That(failure, Is.TypeOf<SshAuthenticationException>(), $"connection {connections}: {failure}");
            }

            guessed += count;
            sinceLastLogin += count;
            connections++;
            if (connections % 50 == 0)
            {
                await NormalClient.AssertWorksAsync(server.Port, $"after {guessed} wrong passwords", cancellation);
                sinceLastLogin = 0;
            }
        }

        Assert.That(log.Count(l => l.Contains(FailureLine, StringComparison.Ordinal)), Is.EqualTo(Guesses), "failed attempts the server logged");
        Assert.That(log.Count(l => l.Contains("disconnecting: NoMoreAuthMethodsAvailable", StringComparison.Ordinal)), Is.EqualTo(Guesses / PerConnection), "connections ended with DISCONNECT 14");

        // The right password works, and the shell reports the failures since the last login.
        using var client = new SshClient(NormalClient.Connection(server.Port));
        await client.ConnectAsync(cancellation).WaitAsync(TimeSpan.FromSeconds(10), cancellation);
        using var shell = client.CreateShellStream("xterm", 120, 40, 0, 0, 4096);
        var banner = shell.Expect("admin@PA-VM> ", TimeSpan.FromSeconds(10));
        Assert.That(banner, Does.Contain($"Number of failed attempts since last successful login: {sinceLastLogin}\r\n"));
        await NormalClient.AssertWorksAsync(server.Port, "after the guessing", cancellation);
    }

    /// <summary>The default delay after a failed attempt (500 ms) slows guessing: measured from the server's verdict to the client hearing it.</summary>
    [Test]
    [CancelAfter(30_000)]
    public async Task With_the_default_delay_a_failure_is_answered_no_sooner_than_400_ms(CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var verdicts = new ConcurrentQueue<TimeSpan>();
        var options = new SshServerOptions
        {
            HostKeys = SshTestServer.HostKeys,
            Log = (_, message) =>
            {
                if (message.Contains(FailureLine, StringComparison.Ordinal))
                {
                    verdicts.Enqueue(clock.Elapsed);
                }
            },
        };
        Assert.That(options.Limits.AuthFailureDelay, Is.EqualTo(TimeSpan.FromMilliseconds(500)), "the default delay");
        await using var server = SshTestServer.Start(options);

        var started = clock.Elapsed;
        var failure = await ConnectAndFailAsync(NormalClient.Connection(server.Port, password: "wrong"), cancellation);
        var answered = clock.Elapsed;

        Assert.That(failure, Is.TypeOf<SshAuthenticationException>(), failure.ToString());
        Assert.That(verdicts, Has.Count.EqualTo(1), "failed attempts the server logged");
        Assert.That(answered - verdicts.Single(), Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(400)), "from the verdict to the client's failure");
        Assert.That(answered - started, Is.LessThan(TimeSpan.FromSeconds(5)), "the whole failed login");
        await NormalClient.AssertWorksAsync(server.Port, "after the failure", cancellation);
    }

    /// <summary>On the wire: five wrong passwords each get USERAUTH_FAILURE; the sixth gets DISCONNECT 14 and the connection closes.</summary>
    [Test]
    [CancelAfter(30_000)]
    public async Task The_sixth_wrong_password_on_a_connection_gets_disconnect_14(CancellationToken cancellation)
    {
        var options = new SshServerOptions { HostKeys = SshTestServer.HostKeys, Limits = new SshLimits { AuthFailureDelay = TimeSpan.FromMilliseconds(10) } };
        await using var server = SshTestServer.Start(options);
        using var client = await ScriptedSshClient.ConnectAsync(server.Port, cancellation);
        await client.RequestUserAuthAsync(cancellation);

        for (var attempt = 1; attempt < PerConnection; attempt++)
        {
            var answer = await client.TryPasswordAsync("admin", $"guess-{attempt}", cancellation);
            Assert.That(answer?[0], Is.EqualTo(ScriptedSshClient.UserauthFailure), $"attempt {attempt}");
        }

        var last = await client.TryPasswordAsync("admin", "admin-but-too-late", cancellation);
        Assert.That(last is null ? null : Wire.DisconnectReason(last), Is.EqualTo(14u), "the sixth attempt");
        var outcome = await client.ReadUntilClosedAsync(TimeSpan.FromSeconds(3), cancellation);
        Assert.That(outcome.Ending, Is.EqualTo(Ending.EndOfStream), outcome.Describe());
        Assert.That(outcome.Packets, Is.Empty, outcome.Describe());
        await NormalClient.AssertWorksAsync(server.Port, "after the guessing connection", cancellation);
    }

    /// <summary>Connects with credentials that must fail; returns what SSH.NET threw, bounded in time.</summary>
    private static async Task<Exception> ConnectAndFailAsync(ConnectionInfo info, CancellationToken cancellation)
    {
        using var client = new SshClient(info);
        var connect = Task.Run(client.Connect, cancellation);
        try
        {
            await connect.WaitAsync(TimeSpan.FromSeconds(15), cancellation);
        }
        catch (Exception e) when (e is SshException)
        {
            return e;
        }

        Assert.Fail("a login with wrong passwords succeeded");
        throw new UnreachableException();
    }
}
