using System.Diagnostics;
using VirtualFirewall.Emulator.Hosting;
using VirtualFirewall.Ssh;
using VirtualFirewall.Tests.Ssh.Hostile;

namespace VirtualFirewall.Tests.Reliability;

/// <summary>
/// A client that asks for a large output (`show session all` with the pager off, on a device with
/// thousands of sessions) and stops reading: the server holds at most that output, drops the client
/// after the stall limit, and serves everyone else meanwhile; over SSH and over Telnet.
/// </summary>
[TestFixture]
public sealed class LargeOutputStallTests
{
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(2);

    private static FirewallUnderTest LaunchBusyFirewall()
    {
        var firewall = FirewallUnderTest.Launch(new FirewallSetup
        {
            SessionsPerMinute = 2000,
            SshLimits = new SshLimits { StalledWriteTimeout = StallLimit, MaxPendingOutput = 64 * 1024 },
            Telnet = new TelnetHostOptions { StalledWriteTimeout = StallLimit },
        });
        firewall.Hosted.Clock.Advance(TimeSpan.FromMinutes(5));

        // About 6,000 sessions: `show session all` is some 2 MB, more than every buffer on the way holds.
        Assert.That(firewall.Device.Locked(d => d.Sessions.LiveCount), Is.GreaterThan(5000), "live sessions");
        return firewall;
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task Over_ssh_a_client_that_stops_reading_a_large_output_is_dropped(CancellationToken cancellation)
    {
        using var watch = new FaultWatch();
        await using var firewall = LaunchBusyFirewall();
        using var bystander = SshShell.Open(firewall.SshPort);
        var before = ManagedMemory.Live();

        await using var proxy = LoopbackProxy.Start(firewall.SshPort, serverReceiveBuffer: 4096);
        using var victim = SshShell.Open(proxy.Port);
        victim.Run("set cli pager off");
        proxy.StallServerToClient();
        var stalled = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
        {
            victim.Send("show session all\r");
        }

        Assert.That(bystander.Run("show clock"), Does.Contain(FirewallUnderTest.AnyClock + "\r\n"), "a bystander while the client does not read");
        Assert.That(await WaitForAsync(() => watch.Lines.Any(l => l.Contains("session ended: client stopped reading", StringComparison.Ordinal)), TimeSpan.FromSeconds(30)), Is.True, "the server never dropped the client that stopped reading");
        TestContext.Out.WriteLine($"dropped {stalled.Elapsed.TotalSeconds:F1} s after the stall; {proxy.ServerToClientBytes} bytes reached the proxy");
        var grown = ManagedMemory.Live() - before;

        // Once the proxy reads again it finds the socket closed, not merely the session.
        proxy.Resume();
        await proxy.ServerClosed.WaitAsync(TimeSpan.FromSeconds(10), cancellation);
        Assert.That(grown, Is.LessThan(32 * ManagedMemory.MiB), "managed memory while the client did not read: " + ManagedMemory.Describe(grown));
        Assert.That(await firewall.WaitForConnectionsAsync(ssh: 1, telnet: 0, TimeSpan.FromSeconds(10)), Is.True, "the dropped connection is gone");
        Assert.That(firewall.Device.Admins.Snapshot(), Has.Count.EqualTo(1), "only the bystander is still logged in");
        Assert.That(bystander.Run("show clock"), Does.Contain(FirewallUnderTest.AnyClock + "\r\n"), "a bystander after the drop");
        watch.AssertNoFaults();
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task Over_telnet_a_client_that_stops_reading_a_large_output_is_dropped(CancellationToken cancellation)
    {
        using var watch = new FaultWatch();
        await using var firewall = LaunchBusyFirewall();
        await using var bystander = await TelnetSession.LogInAsync(firewall.TelnetEndpoint);
        var before = ManagedMemory.Live();

        using var victim = await RawTelnet.LogInAsync(firewall.TelnetEndpoint, cancellation);
        await victim.SendAsync("set cli pager off\r\n", cancellation);
        await victim.ReadToAsync("\n" + FirewallUnderTest.Prompt, cancellation);
        var stalled = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
        {
            await victim.SendAsync("show session all\r\n", cancellation);
        }

        await bystander.AssertShowClockAsync("while a client does not read");
        Assert.That(await WaitForAsync(() => watch.Lines.Any(l => l.Contains("the client stopped reading", StringComparison.Ordinal)), TimeSpan.FromSeconds(30)), Is.True, "the server never dropped the client that stopped reading");
        TestContext.Out.WriteLine($"dropped {stalled.Elapsed.TotalSeconds:F1} s after the stall");
        var grown = ManagedMemory.Live() - before;

        Assert.That(await victim.DrainUntilClosedAsync(TimeSpan.FromSeconds(10), cancellation), Is.True, "the connection is closed");
        Assert.That(grown, Is.LessThan(32 * ManagedMemory.MiB), "managed memory while the client did not read: " + ManagedMemory.Describe(grown));
        Assert.That(await firewall.WaitForConnectionsAsync(ssh: 0, telnet: 1, TimeSpan.FromSeconds(10)), Is.True, "the dropped connection is gone");
        Assert.That(firewall.Device.Admins.Snapshot(), Has.Count.EqualTo(1), "only the bystander is still logged in");
        await bystander.AssertShowClockAsync("after the drop");
        watch.AssertNoFaults();
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}
