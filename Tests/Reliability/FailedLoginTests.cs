using VirtualFirewall.Emulator.Telnet;
using VirtualFirewall.Ssh;
using VirtualFirewall.Tests.Ssh.Hostile;

namespace VirtualFirewall.Tests.Reliability;

/// <summary>
/// A thousand wrong passwords against the emulator, over SSH (six a connection) and Telnet (three a
/// connection): each connection's limit holds (the attempt after the last allowed one finds the
/// connection closed), the device counts every failure for the next login's banner, no password
/// reaches the log, and managed memory does not grow with the attempts.
/// </summary>
[TestFixture]
public sealed class FailedLoginTests
{
    private const int Guesses = 1000;
    private const int Workers = 4;
    private const int WarmUpConnections = 20;
    private const long MaxGrowth = 5 * ManagedMemory.MiB;
    private const string Guess = "wrong-horse-";

    [Test]
    [CancelAfter(180_000)]
    public async Task A_thousand_wrong_ssh_passwords_hit_the_per_connection_limit_and_leave_memory_flat(CancellationToken cancellation)
    {
        var perConnection = new SshLimits().MaxAuthAttempts;
        using var watch = new FaultWatch(NLog.LogLevel.Trace);
        await using var firewall = FirewallUnderTest.Launch(new FirewallSetup { SshLimits = new SshLimits { AuthFailureDelay = TimeSpan.FromMilliseconds(5) } });
        using var admin = SshShell.Open(firewall.SshPort);
        var connections = (Guesses + perConnection - 1) / perConnection;

        await RunAsync(WarmUpConnections, i => GuessOverSshAsync(firewall.SshPort, i, perConnection, cancellation));
        var before = ManagedMemory.Live();
        await RunAsync(connections - WarmUpConnections, i => GuessOverSshAsync(firewall.SshPort, WarmUpConnections + i, perConnection, cancellation));
        var grown = ManagedMemory.Live() - before;
        TestContext.Out.WriteLine($"{connections} connections; managed memory grew {ManagedMemory.Describe(grown)} after the warm-up");

        Assert.That(grown, Is.LessThan(MaxGrowth), $"managed memory over {connections - WarmUpConnections} connections of wrong passwords: {ManagedMemory.Describe(grown)}");
        Assert.That(admin.Run("show clock"), Does.Contain(FirewallUnderTest.Clock), "the administrator logged in before the guessing");
        await AssertAfterwardsAsync(firewall, watch, connections * perConnection);
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task A_thousand_wrong_telnet_passwords_hit_the_per_connection_limit_and_leave_memory_flat(CancellationToken cancellation)
    {
        const int perConnection = TelnetLogin.MaxAttempts;
        using var watch = new FaultWatch(NLog.LogLevel.Trace);
        await using var firewall = FirewallUnderTest.Launch();
        await using var admin = await TelnetSession.LogInAsync(firewall.TelnetEndpoint);
        var connections = (Guesses + perConnection - 1) / perConnection;

        await RunAsync(WarmUpConnections, i => GuessOverTelnetAsync(firewall, i, cancellation));
        var before = ManagedMemory.Live();
        await RunAsync(connections - WarmUpConnections, i => GuessOverTelnetAsync(firewall, WarmUpConnections + i, cancellation));
        var grown = ManagedMemory.Live() - before;
        TestContext.Out.WriteLine($"{connections} connections; managed memory grew {ManagedMemory.Describe(grown)} after the warm-up");

        Assert.That(grown, Is.LessThan(MaxGrowth), $"managed memory over {connections - WarmUpConnections} connections of wrong passwords: {ManagedMemory.Describe(grown)}");
        await admin.AssertShowClockAsync("for the administrator logged in before the guessing");
        await AssertAfterwardsAsync(firewall, watch, connections * perConnection);
    }

    /// <summary>Runs <paramref name="count"/> connections, <see cref="Workers"/> at a time.</summary>
    private static async Task RunAsync(int count, Func<int, Task> connection)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await connection(i);
            }
        })));
    }

    private static async Task GuessOverSshAsync(int port, int connection, int perConnection, CancellationToken cancellation)
    {
        using var client = await ScriptedSshClient.ConnectAsync(port, cancellation);
        await client.RequestUserAuthAsync(cancellation);
        for (var attempt = 1; attempt <= perConnection; attempt++)
        {
            var answer = await client.TryPasswordAsync("admin", $"{Guess}{connection}-{attempt}", cancellation);
            Assert.That(answer, Is.Not.Null, $"connection {connection}, attempt {attempt}: the server closed without an answer");
            if (attempt < perConnection)
            {
                Assert.That(answer![0], Is.EqualTo(ScriptedSshClient.UserauthFailure), $"connection {connection}, attempt {attempt}");
            }
            else
            {
                Assert.That(Wire.DisconnectReason(answer!), Is.EqualTo(14u), $"connection {connection}: the last allowed attempt ends the connection (no more auth methods)");
            }
        }

        // One attempt more finds the connection closed.
        byte[]? extra;
        try
        {
            extra = await client.TryPasswordAsync("admin", "admin", cancellation);
        }
        catch (IOException)
        {
            extra = null;
        }

        Assert.That(extra, Is.Null, $"connection {connection}: an attempt after the limit was answered");
    }

    private static async Task GuessOverTelnetAsync(FirewallUnderTest firewall, int connection, CancellationToken cancellation)
    {
        using var client = await RawTelnet.ConnectAsync(firewall.TelnetEndpoint, cancellation);
        for (var attempt = 1; attempt <= TelnetLogin.MaxAttempts; attempt++)
        {
            await client.ReadToAsync("login: ", cancellation);
            await client.SendAsync("admin\r\n", cancellation);
            await client.ReadToAsync("Password: ", cancellation);
            await client.SendAsync($"{Guess}{connection}-{attempt}\r\n", cancellation);
            await client.ReadToAsync("Login incorrect\r\n", cancellation);
        }

        Assert.That(await client.DrainUntilClosedAsync(TimeSpan.FromSeconds(10), cancellation), Is.True, $"connection {connection}: still open after the last allowed attempt");
        Assert.That(client.Unread, Does.Not.Contain("login: "), $"connection {connection}: a prompt for one attempt more");
    }

    private static async Task AssertAfterwardsAsync(FirewallUnderTest firewall, FaultWatch watch, int failures)
    {
        Assert.That(await firewall.WaitForConnectionsAsync(ssh: 1, telnet: 1, TimeSpan.FromSeconds(10)), Is.True, "the guessing connections end");
        using var shell = SshShell.Open(firewall.SshPort);
        Assert.That(shell.Banner, Does.Contain($"Number of failed attempts since last successful login: {failures}\r\n"), "the failures the device counted");
        Assert.That(watch.Lines.Where(l => l.Contains(Guess, StringComparison.Ordinal)), Is.Empty, "lines that logged a password");
        watch.AssertNoFaults();
    }
}
