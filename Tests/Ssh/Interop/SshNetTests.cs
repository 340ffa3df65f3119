using Renci.SshNet;

namespace VirtualFirewall.Tests.Ssh.Interop;

/// <summary>SSH.NET, a real .NET client, in process: exec, shell, and thousands of handshakes.</summary>
[TestFixture]
public sealed class SshNetTests
{
    private SshTestServer _server = null!;

    // The handshake test forces every key exchange and host key, so the server offers them all, legacy ones included.
    [OneTimeSetUp]
    public void Start() => _server = SshTestServer.Start(SshTestServer.LegacyOptions);

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [Test]
    public void RunsACommand()
    {
        using var client = new SshClient(Connection());
        client.Connect();

        using var command = client.RunCommand("show clock");

        Assert.That(command.Result, Is.EqualTo("\nFri Nov 27 18:56:14 UTC 2026\n\n"));
        Assert.That(command.ExitStatus, Is.EqualTo(0));
    }

    [Test]
    public void AnUnknownCommandExitsWithOne()
    {
        using var client = new SshClient(Connection());
        client.Connect();

        using var command = client.RunCommand("nonsense");

        Assert.That(command.Result, Is.EqualTo("Unknown command: nonsense\n"));
        Assert.That(command.ExitStatus, Is.EqualTo(1));
    }

    [Test]
    public void AShellStream()
    {
        using var client = new SshClient(Connection());
        client.Connect();
        using var shell = client.CreateShellStream("xterm", 120, 40, 0, 0, 4096);

        var banner = shell.Expect("admin@PA-VM> ", TimeSpan.FromSeconds(10));
        shell.Write("show clock\r");
        // Outside scripting mode the line is repainted after `show ` (contract C13): the prompt comes twice.
        var answer = shell.Expect("\r\n\r\nadmin@PA-VM> ", TimeSpan.FromSeconds(10));

        Assert.That(banner, Does.Contain("Number of failed attempts since last successful login: 0"));
        Assert.That(answer, Is.EqualTo("show \r\u001b[Kadmin@PA-VM> show clock\r\n\r\nFri Nov 27 18:56:14 UTC 2026\r\n\r\nadmin@PA-VM> "));
    }

    /// <summary>
    /// Encoding slips in mpints and signatures fail only some handshakes (one in two, one in 256):
    /// 2,000 in a row over every key exchange and host key catch them.
    /// </summary>
    [Test]
    public void TwoThousandHandshakesInARow()
    {
        string[] exchanges = ["curve25519-sha256", "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521", "diffie-hellman-group14-sha256"];
        string[] hostKeys = ["ssh-ed25519", "ecdsa-sha2-nistp256", "rsa-sha2-512", "rsa-sha2-256"];
        for (var i = 0; i < 2000; i++)
        {
            var info = Connection();
            Keep(info.KeyExchangeAlgorithms, exchanges[i % exchanges.Length]);
            Keep(info.HostKeyAlgorithms, hostKeys[i / exchanges.Length % hostKeys.Length]);
            using var client = new SshClient(info);
            try
            {
                client.Connect();
            }
            catch (Exception e)
            {
                Assert.Fail($"handshake {i} ({exchanges[i % exchanges.Length]}, {hostKeys[i / exchanges.Length % hostKeys.Length]}) failed: {e}");
            }

            client.Disconnect();
        }
    }

    private ConnectionInfo Connection() =>
        new("127.0.0.1", _server.Port, "admin", new PasswordAuthenticationMethod("admin", "admin")) { Timeout = TimeSpan.FromSeconds(10) };

    private static void Keep<T>(IDictionary<string, T> algorithms, string name)
    {
        foreach (var other in algorithms.Keys.Where(k => !string.Equals(k, name, StringComparison.Ordinal)).ToList())
        {
            algorithms.Remove(other);
        }

        Assert.That(algorithms.Keys, Is.EqualTo(new[] { name }), $"SSH.NET does not offer {name}");
    }
}
