using System.Diagnostics;
using VirtualFirewall.Emulator.Hosting;

namespace VirtualFirewall.Tests.Reliability;

/// <summary>
/// Slowloris on the Telnet login: a client that types its name or its password one byte at a time,
/// never finishing. Typing is progress but not a login, so the login timeout, counted from the
/// connection, ends it; a logged-in administrator is not subject to it.
/// </summary>
[TestFixture]
public sealed class TelnetSlowlorisTests
{
    private static readonly TimeSpan LoginTimeout = TimeSpan.FromSeconds(2);

    [TestCase(false)]
    [TestCase(true)]
    [CancelAfter(60_000)]
    public async Task A_login_typed_one_byte_at_a_time_is_ended_by_the_login_timeout(bool reachesThePassword, CancellationToken cancellation)
    {
        using var watch = new FaultWatch();
        await using var firewall = FirewallUnderTest.Launch(new FirewallSetup
        {
            Telnet = new TelnetHostOptions { LoginTimeout = LoginTimeout, FailureDelay = TimeSpan.FromMilliseconds(10) },
        });
        await using var admin = await TelnetSession.LogInAsync(firewall.TelnetEndpoint);
        using var slow = await RawTelnet.ConnectAsync(firewall.TelnetEndpoint, cancellation);
        await slow.ReadToAsync("login: ", cancellation);
        if (reachesThePassword)
        {
            await slow.SendAsync("admin\r\n", cancellation);
            await slow.ReadToAsync("Password: ", cancellation);
        }

        var trickle = Stopwatch.StartNew();
        var closed = false;
        while (!closed && trickle.Elapsed < 8 * LoginTimeout)
        {
            try
            {
                await slow.SendAsync("a"u8.ToArray(), cancellation);
                closed = await slow.DrainUntilClosedAsync(TimeSpan.FromMilliseconds(300), cancellation);
            }
            catch (IOException)
            {
                closed = true;
            }
        }

        Assert.That(closed, Is.True, $"still open after {trickle.Elapsed.TotalSeconds:F1} s of one byte every 300 ms; the login timeout is {LoginTimeout.TotalSeconds} s");
        Assert.That(await firewall.WaitForConnectionsAsync(ssh: 0, telnet: 1, TimeSpan.FromSeconds(10)), Is.True, "the slow connection ends");
        await Task.Delay(LoginTimeout, cancellation);
        await admin.AssertShowClockAsync("after its login timeout passed");
        watch.AssertNoFaults();
    }
}
