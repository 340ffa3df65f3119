using System.Net;
using System.Net.Sockets;
using System.Text;
using VirtualFirewall.Emulator.Hosting;

namespace VirtualFirewall.Tests.Reliability;

/// <summary>
/// Connection floods beyond `--max-connections` on the emulator's SSH and Telnet hosts: each
/// connection past the cap is closed at once (no version line, no login prompt), an administrator
/// already logged in keeps working throughout, and once the flood ends a new client logs in.
/// </summary>
[TestFixture]
public sealed class HostFloodTests
{
    private const int Cap = 8;
    private const int Flood = 60;

    [Test]
    [CancelAfter(60_000)]
    public async Task Ssh_connections_beyond_the_cap_are_closed_while_a_logged_in_session_works(CancellationToken cancellation)
    {
        using var watch = new FaultWatch();
        await using var firewall = FirewallUnderTest.Launch(new FirewallSetup { MaxSshConnections = Cap });
        using var admin = SshShell.Open(firewall.SshPort);

        var flood = await OpenAsync(new IPEndPoint(IPAddress.Loopback, firewall.SshPort), cancellation);
        try
        {
            var greetings = await Task.WhenAll(flood.Select(c => FirstWordsAsync(c, cancellation)));
            Assert.That(admin.Run("show clock"), Does.Contain(FirewallUnderTest.Clock), "the logged-in administrator during the flood");

            var served = greetings.Count(g => g.StartsWith("SSH-2.0-", StringComparison.Ordinal));
            var refused = greetings.Count(g => g.Length == 0);
            Assert.That(served, Is.EqualTo(Cap - 1), "connections given a version line: the cap less the administrator's");
            Assert.That(refused, Is.EqualTo(Flood - served), "every other connection is closed without a word");
            Assert.That(firewall.Ssh.ActiveConnections, Is.LessThanOrEqualTo(Cap));
        }
        finally
        {
            flood.ForEach(c => c.Dispose());
        }

        Assert.That(await firewall.WaitForConnectionsAsync(ssh: 1, telnet: 0, TimeSpan.FromSeconds(10)), Is.True, "the flood's connections end");
        using var newcomer = SshShell.Open(firewall.SshPort);
        Assert.That(newcomer.Run("show clock"), Does.Contain(FirewallUnderTest.Clock), "a new login after the flood");
        Assert.That(admin.Run("show clock"), Does.Contain(FirewallUnderTest.Clock), "the administrator after the flood");
        watch.AssertNoFaults();
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Telnet_connections_beyond_the_cap_are_closed_while_a_logged_in_session_works(CancellationToken cancellation)
    {
        using var watch = new FaultWatch();
        await using var firewall = FirewallUnderTest.Launch(new FirewallSetup { Telnet = new TelnetHostOptions { MaxConnections = Cap } });
        await using var admin = await TelnetSession.LogInAsync(firewall.TelnetEndpoint);

        var flood = await OpenAsync(firewall.TelnetEndpoint, cancellation);
        try
        {
            var greetings = await Task.WhenAll(flood.Select(c => FirstWordsAsync(c, cancellation)));
            await admin.AssertShowClockAsync("during the flood");

            var served = greetings.Count(g => g.EndsWith("login: ", StringComparison.Ordinal));
            var refused = greetings.Count(g => g.Length == 0);
            Assert.That(served, Is.EqualTo(Cap - 1), "connections given a login prompt: the cap less the administrator's");
            Assert.That(refused, Is.EqualTo(Flood - served), "every other connection is closed without a word");
            Assert.That(firewall.Telnet.ActiveConnections, Is.LessThanOrEqualTo(Cap));
        }
        finally
        {
            flood.ForEach(c => c.Dispose());
        }

        Assert.That(await firewall.WaitForConnectionsAsync(ssh: 0, telnet: 1, TimeSpan.FromSeconds(10)), Is.True, "the flood's connections end");
        await using var newcomer = await TelnetSession.LogInAsync(firewall.TelnetEndpoint);
        await newcomer.AssertShowClockAsync("for a new login after the flood");
        await admin.AssertShowClockAsync("after the flood");
        watch.AssertNoFaults();
    }

    private static async Task<List<TcpClient>> OpenAsync(IPEndPoint endpoint, CancellationToken cancellation)
    {
        var clients = new List<TcpClient>();
        for (var i = 0; i < Flood; i++)
        {
            var client = new TcpClient(AddressFamily.InterNetwork);
            clients.Add(client);
            await client.ConnectAsync(endpoint, cancellation);
        }

        return clients;
    }

    /// <summary>What the server says first (up to its version line or login prompt): empty when it closes without a word.</summary>
    private static async Task<string> FirstWordsAsync(TcpClient client, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var received = new StringBuilder();
        var buffer = new byte[1024];
        try
        {
            while (!received.ToString().Contains('\n', StringComparison.Ordinal) && !received.ToString().EndsWith("login: ", StringComparison.Ordinal))
            {
                var read = await client.GetStream().ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    break;
                }

                received.Append(Encoding.Latin1.GetString(buffer, 0, read));
            }
        }
        catch (IOException)
        {
            // Reset by the server: refused.
        }

        return received.ToString();
    }
}
