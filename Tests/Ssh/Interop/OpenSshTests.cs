using System.Globalization;
using VirtualFirewall.Ssh.Algorithms.Ciphers;
using VirtualFirewall.Ssh.Algorithms.KeyExchange;

namespace VirtualFirewall.Tests.Ssh.Interop;

/// <summary>Debian's OpenSSH client against the emulator, each algorithm forced one at a time.</summary>
[TestFixture]
[Parallelizable(ParallelScope.None)]
public sealed class OpenSshTests
{
    private const string Ssh = "/usr/bin/ssh";
    private const string SshPass = "/usr/bin/sshpass";
    private SshTestServer _server = null!;

    // Every algorithm is forced in turn, so the server offers them all, legacy ones included.
    [OneTimeSetUp]
    public void Start() => _server = SshTestServer.Start(SshTestServer.LegacyOptions);

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    public static IEnumerable<TestCaseData> Algorithms()
    {
        foreach (var kex in KeyExchangeAlgorithms.Names)
        {
            yield return new TestCaseData("KexAlgorithms", kex).SetArgDisplayNames("kex", kex);
        }

        foreach (var cipher in PacketProtection.Ciphers)
        {
            yield return new TestCaseData("Ciphers", cipher).SetArgDisplayNames("cipher", cipher);
        }

        foreach (var mac in PacketProtection.Macs)
        {
            yield return new TestCaseData("MACs", mac).SetArgDisplayNames("mac", mac);
        }

        foreach (var hostKey in new[] { "ssh-ed25519", "ecdsa-sha2-nistp256", "rsa-sha2-512", "rsa-sha2-256" })
        {
            yield return new TestCaseData("HostKeyAlgorithms", hostKey).SetArgDisplayNames("hostkey", hostKey);
        }
    }

    [TestCaseSource(nameof(Algorithms))]
    public async Task ExecWithOneAlgorithmForced(string option, string algorithm)
    {
        var extra = new List<string> { "-o", $"{option}={algorithm}" };
        if (option == "MACs")
        {
            extra.AddRange(["-o", "Ciphers=aes128-ctr"]); // an AEAD cipher would make the MAC moot
        }

        var (exit, output, error) = await RunSshAsync(extra, ["show", "clock"], input: null);

        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(output, Is.EqualTo("\nFri Nov 27 18:56:14 UTC 2026\n\n"));
    }

    [Test]
    public async Task ExecOfAnUnknownCommandPrintsTheErrorAndExitsNonZero()
    {
        var (exit, output, _) = await RunSshAsync([], ["bogus", "command"], input: null);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Is.EqualTo("Unknown command: bogus\n"));
    }

    [Test]
    public async Task AnInteractiveShellWithAPty()
    {
        var (exit, output, error) = await RunSshAsync(["-tt"], [], input: "show clock\rexit\r");

        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("admin@PA-VM> show clock\r\n\r\nFri Nov 27 18:56:14 UTC 2026\r\n\r\nadmin@PA-VM> exit\r\n"));
    }

    [Test]
    public async Task RekeysEvery64KilobytesDuringBulkOutput()
    {
        // 36,000 commands echo and answer more than 2 MiB in all: dozens of key exchanges.
        var input = string.Concat(Enumerable.Repeat("show clock\r", 36_000)) + "exit\r";

        var (exit, output, error) = await RunSshAsync(["-tt", "-o", "RekeyLimit=64K"], [], input, TimeSpan.FromMinutes(3));

        Assert.That(exit, Is.EqualTo(0), error);
        var answers = output.Split("Fri Nov 27 18:56:14 UTC 2026\r\n").Length - 1;
        Assert.That(answers, Is.EqualTo(36_000));
        Assert.That(output, Has.Length.GreaterThan(2 * 1024 * 1024));
        Assert.That(output, Does.EndWith("admin@PA-VM> exit\r\n"));
    }

    [Test]
    public async Task TheServerRekeysByVolumeOnItsOwn()
    {
        var options = new VirtualFirewall.Ssh.SshServerOptions
        {
            HostKeys = SshTestServer.HostKeys,
            Limits = new VirtualFirewall.Ssh.SshLimits { RekeyAfterBytes = 32 * 1024 },
        };
        await using var server = SshTestServer.Start(options);
        var input = string.Concat(Enumerable.Repeat("show clock\r", 5_000)) + "exit\r";

        var (exit, output, error) = await RunSshAsync(["-tt"], [], input, TimeSpan.FromMinutes(2), port: server.Port);

        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(output.Split("Fri Nov 27 18:56:14 UTC 2026\r\n").Length - 1, Is.EqualTo(5_000));
    }

    [Test]
    public async Task KeepalivesAreAnsweredSoTheSessionStays()
    {
        var (exit, output, error) = await RunSshAsync(
            ["-tt", "-o", "ServerAliveInterval=1", "-o", "ServerAliveCountMax=2"],
            [],
            input: null,
            TimeSpan.FromSeconds(30),
            script: "sleep 4; printf 'show clock\\rexit\\r'");

        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("Fri Nov 27 18:56:14 UTC 2026"));
    }

    [Test]
    public async Task ShutdownTellsTheClientWhyWithReason11()
    {
        var server = SshTestServer.Start();
        var port = server.Port.ToString(CultureInfo.InvariantCulture);
        var session = ExternalProgram.RunAsync(
            "/bin/sh",
            ["-c", $"sleep 3 | {SshPass} -p admin {Ssh} -tt -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o PubkeyAuthentication=no -p {port} admin@127.0.0.1"],
            null,
            TimeSpan.FromSeconds(30));
        for (var i = 0; i < 100 && server.Device.Admins.Snapshot().Count == 0; i++)
        {
            await Task.Delay(50);
        }

        await server.DisposeAsync();
        var (exit, _, error) = await session;

        Assert.That(exit, Is.EqualTo(255));
        Assert.That(error, Does.Contain(":11: server shutting down"));
    }

    private async Task<(int, string, string)> RunSshAsync(IEnumerable<string> options, IEnumerable<string> command, string? input, TimeSpan? timeout = null, string? script = null, int? port = null)
    {
        ExternalProgram.Require(Ssh, "openssh-client");
        ExternalProgram.Require(SshPass, "sshpass");
        var arguments = new List<string>
        {
            "-p", "admin", Ssh,
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
            "-o", "PubkeyAuthentication=no", "-o", "BatchMode=no",
            "-p", (port ?? _server.Port).ToString(CultureInfo.InvariantCulture),
        };
        arguments.AddRange(options);
        arguments.Add("admin@127.0.0.1");
        arguments.AddRange(command);
        if (script is null)
        {
            return await ExternalProgram.RunAsync(SshPass, arguments, input, timeout ?? TimeSpan.FromSeconds(60));
        }

        // Input that arrives over time: a shell pipes the script's output into ssh.
        var quoted = string.Join(' ', arguments.Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        return await ExternalProgram.RunAsync("/bin/sh", ["-c", $"({script}) | {SshPass} {quoted}"], null, timeout ?? TimeSpan.FromSeconds(60));
    }
}
