using System.Net;
using System.Text;
using VirtualFirewall.Tests.Ssh.Hostile;
using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Hosting;

/// <summary>
/// SIGTERM or Ctrl-C (SIGINT) with clients connected: each SSH client receives DISCONNECT 11 (by application) before
/// the socket closes, a Telnet client a line saying why, the committed configuration and the
/// transcripts of both sessions are on disk, and the process exits 0.
/// </summary>
[TestFixture]
public sealed class GracefulShutdownTests
{
    private const uint ByApplication = 11;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [CancelAfter(120_000)]
    [Test]
    public async Task ASignalDisconnectsEveryClientAndKeepsTheState([Values("TERM", "INT")] string signal, CancellationToken cancellation)
    {
        var root = Directory.CreateTempSubdirectory("vf-shutdown-");
        try
        {
            var state = Path.Combine(root.FullName, "state");
            var records = Path.Combine(root.FullName, "records");
            await using var emulator = EmulatorProcess.Start(
                ["--ssh-port", "0", "--telnet-port", "0", "--host-key-dir", Path.Combine(root.FullName, "keys"), "--state-dir", state, "--record", records]);
            var sshPort = await emulator.PortAsync("ssh", TimeSpan.FromSeconds(60));
            var telnetPort = await emulator.PortAsync("telnet", TimeSpan.FromSeconds(30));

            using var ssh = await ScriptedSshClient.ConnectAsync(sshPort, cancellation);
            await ssh.LogInAsync(cancellation);
            var channel = await ssh.OpenSessionAsync(0, 1 << 20, 32 * 1024, cancellation);
            await ssh.StartShellAsync(channel, cancellation);
            await ssh.SendDataAsync(channel, "set cli scripting-mode on\rconfigure\rset deviceconfig system hostname shutdown-test\rcommit\r"u8, cancellation);
            await ReadUntilAsync(ssh, "Configuration committed successfully", cancellation);

            await using var telnet = await TelnetTestClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, telnetPort));
            Assert.That(await telnet.WaitForTextAsync("login: ", Wait), Is.True);
            await telnet.SendAsync("admin\r\n");
            Assert.That(await telnet.WaitForTextAsync("Password: ", Wait), Is.True);
            await telnet.SendAsync("admin\r\n");
            Assert.That(await telnet.WaitForTextAsync("admin@shutdown-test> ", Wait), Is.True, telnet.ReceivedText);

            var sshEnd = ssh.ReadUntilClosedAsync(Wait, cancellation);
            var exitCode = await emulator.TerminateAsync(Wait, signal);
            var outcome = await sshEnd;

            Assert.That(exitCode, Is.EqualTo(0), emulator.Error);
            Assert.That(outcome.DisconnectReasons, Is.EqualTo(new[] { ByApplication }), outcome.Describe());
            Assert.That(outcome.Closed, Is.True, outcome.Describe());
            Assert.That(await telnet.WaitClosedAsync(Wait), Is.True, "the Telnet connection closes");
            Assert.That(telnet.ReceivedText, Does.EndWith("The server is shutting down.\r\n"));
            Assert.That(File.ReadAllText(Path.Combine(state, "running-config.xml")), Does.Contain("<hostname>shutdown-test</hostname>"));
            var transcripts = Directory.GetFiles(records);
            Assert.That(transcripts, Has.Length.EqualTo(2), "the SSH and the Telnet session, both recorded");
            Assert.That(transcripts.Select(File.ReadAllText), Has.Some.Contain("admin@PA-VM# commit\n"));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [CancelAfter(60_000)]
    [Test]
    public async Task StoppingTheSshHostSendsReason11ToClientsLoggedInOrNot(CancellationToken cancellation)
    {
        var server = SshTestServer.Start();
        var stopped = false;
        try
        {
            using var loggedIn = await ScriptedSshClient.ConnectAsync(server.Port, cancellation);
            await loggedIn.LogInAsync(cancellation);
            using var notLoggedIn = await ScriptedSshClient.ConnectAsync(server.Port, cancellation);
            var ends = new[] { loggedIn.ReadUntilClosedAsync(Wait, cancellation), notLoggedIn.ReadUntilClosedAsync(Wait, cancellation) };

            stopped = true;
            await server.DisposeAsync();

            foreach (var outcome in await Task.WhenAll(ends))
            {
                Assert.That(outcome.DisconnectReasons, Is.EqualTo(new[] { ByApplication }), outcome.Describe());
                Assert.That(outcome.Closed, Is.True, outcome.Describe());
            }
        }
        finally
        {
            if (!stopped)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static async Task ReadUntilAsync(ScriptedSshClient client, string text, CancellationToken cancellation)
    {
        var output = new StringBuilder();
        while (!output.ToString().Contains(text, StringComparison.Ordinal))
        {
            var payload = await client.ReceiveAsync(cancellation);
            Assert.That(payload, Is.Not.Null, $"the server closed the connection; output so far: {output}");
            if (payload![0] == ScriptedSshClient.ChannelData)
            {
                output.Append(ScriptedSshClient.DataText(payload));
            }
        }
    }
}
