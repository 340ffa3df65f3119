using System.Text;
using VirtualFirewall.Tests.Ssh.Hostile;

namespace VirtualFirewall.Tests.Reliability;

/// <summary>
/// Clients that vanish mid-command (while a 2 MB output is being written) and right after typing
/// `commit`, over SSH and Telnet. The device keeps serving; each commit is all or nothing (an address
/// is in the running configuration with its value, or not at all); the shared candidate stays
/// consistent and commits from a new session; every login session of the vanished clients ends;
/// nothing is logged as an error.
/// </summary>
[TestFixture]
public sealed class DisconnectTests
{
    private const int Rounds = 8;

    [Test]
    [CancelAfter(120_000)]
    public async Task Ssh_clients_that_vanish_mid_output_and_mid_commit_leave_the_device_consistent(CancellationToken cancellation)
    {
        using var watch = new FaultWatch();
        await using var firewall = LaunchBusyFirewall();
        for (var round = 0; round < Rounds; round++)
        {
            using var client = await ScriptedSshClient.ConnectAsync(firewall.SshPort, cancellation);
            await client.LogInAsync(cancellation);
            var channel = await client.OpenSessionAsync(0, uint.MaxValue, 32 * 1024, cancellation);
            await client.StartShellAsync(channel, cancellation);
            await client.SendDataAsync(channel, Encoding.ASCII.GetBytes(Typing(round)), cancellation);

            // Vanish at once, or once the output has begun to arrive.
            if (round % 2 == 1)
            {
                await client.ExpectAsync(ScriptedSshClient.ChannelData, cancellation);
            }
        }

        await AssertConsistentAsync(firewall, "ssh", watch);
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Telnet_clients_that_vanish_mid_output_and_mid_commit_leave_the_device_consistent(CancellationToken cancellation)
    {
        using var watch = new FaultWatch();
        await using var firewall = LaunchBusyFirewall();
        for (var round = 0; round < Rounds; round++)
        {
            using var client = await RawTelnet.LogInAsync(firewall.TelnetEndpoint, cancellation);
            await client.SendAsync(Typing(round).Replace("\r", "\r\n", StringComparison.Ordinal), cancellation);
            if (round % 2 == 1)
            {
                await client.ReadToAsync("\n", cancellation);
            }

            client.Abort();
        }

        await AssertConsistentAsync(firewall, "telnet", watch);
    }

    private static FirewallUnderTest LaunchBusyFirewall()
    {
        var firewall = FirewallUnderTest.Launch(new FirewallSetup { SessionsPerMinute = 2000 });
        firewall.Hosted.Clock.Advance(TimeSpan.FromMinutes(5));
        return firewall;
    }

    /// <summary>Even rounds drop during a long output, odd ones right after `commit`.</summary>
    private static string Typing(int round) => round % 4 < 2
        ? "set cli pager off\rshow session all\r"
        : $"configure\rset address vanish-{round} ip-netmask 10.77.{round}.1/32\rset address vanish-{round} description round-{round}\rcommit\r";

    private static async Task AssertConsistentAsync(FirewallUnderTest firewall, string transport, FaultWatch watch)
    {
        Assert.That(await firewall.WaitForConnectionsAsync(ssh: 0, telnet: 0, TimeSpan.FromSeconds(20)), Is.True, "every vanished connection ends");
        Assert.That(firewall.Device.Admins.Snapshot(), Is.Empty, "every login session of a vanished client ends");

        var (running, candidate) = AddressBook.Of(firewall.Device);
        var committed = Enumerable.Range(0, Rounds).Where(r => running.ContainsKey($"vanish-{r}")).ToList();
        TestContext.Out.WriteLine($"{transport}: committed before the drop: {string.Join(", ", committed)}");
        Assert.Multiple(() =>
        {
            foreach (var round in Enumerable.Range(0, Rounds).Where(r => r % 4 >= 2))
            {
                var name = $"vanish-{round}";
                var value = $"10.77.{round}.1/32";
                if (running.TryGetValue(name, out var committedValue))
                {
                    Assert.That(committedValue, Is.EqualTo(value), $"{name} in the running configuration");
                }

                if (candidate.TryGetValue(name, out var candidateValue))
                {
                    Assert.That(candidateValue, Is.EqualTo(value), $"{name} in the candidate");
                }
                else
                {
                    Assert.That(running, Does.Not.ContainKey(name), $"{name} is running but gone from the candidate");
                }
            }
        });

        // The candidate the vanished clients left behind commits from a new session.
        using var shell = SshShell.Open(firewall.SshPort);
        shell.Run("configure", FirewallUnderTest.ConfigPrompt);
        var commit = shell.Run("commit", FirewallUnderTest.ConfigPrompt);
        Assert.That(commit, Does.Contain("Configuration committed successfully").Or.Contain("There are no changes to commit"), "a commit after the drops");
        Assert.That(firewall.Device.Locked(d => d.Configuration.HasChanges), Is.False, "the candidate is the running configuration");
        shell.Run("exit");
        shell.Run("set cli pager off");
        Assert.That(shell.Run("show session info"), Does.Contain("Number of sessions supported"), "the device still answers");
        firewall.Device.Locked(d =>
        {
            d.Sessions.CheckConsistency();
            return true;
        });
        watch.AssertNoFaults();
    }
}
