using System.Globalization;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.State;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Engine.Users;
using VirtualFirewall.Ssh;
using VirtualFirewall.Tests.Interop;

namespace VirtualFirewall.Tests.Ssh.Interop;

/// <summary>Public keys configured per user (client contract C1), the pre-login banner and its acknowledgement (C2), and PuTTY's plink.</summary>
[TestFixture]
public sealed class PublicKeyAndBannerTests
{
    private DirectoryInfo _keys = null!;

    [OneTimeSetUp]
    public async Task MakeKeys()
    {
        ExternalProgram.Require("/usr/bin/ssh-keygen", "openssh-client");
        _keys = Directory.CreateTempSubdirectory("vf-client-keys-");
        foreach (var (type, bits) in new[] { ("ed25519", "256"), ("ecdsa", "256"), ("rsa", "3072") })
        {
            var (exit, _, error) = await ExternalProgram.RunAsync("/usr/bin/ssh-keygen", ["-q", "-t", type, "-b", bits, "-N", string.Empty, "-f", Path.Combine(_keys.FullName, type)], null, TimeSpan.FromSeconds(60));
            Assert.That(exit, Is.EqualTo(0), error);
        }

        var (unknown, _, unknownError) = await ExternalProgram.RunAsync("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", string.Empty, "-f", Path.Combine(_keys.FullName, "stranger")], null, TimeSpan.FromSeconds(60));
        Assert.That(unknown, Is.EqualTo(0), unknownError);
    }

    [OneTimeTearDown]
    public void RemoveKeys() => _keys.Delete(recursive: true);

    [TestCase("ed25519")]
    [TestCase("ecdsa")]
    [TestCase("rsa")]
    public async Task AConfiguredKeyLogsIn(string type)
    {
        await using var server = SshTestServer.Start(device: DeviceWithKeys(type));

        var (exit, output, error) = await Ssh(server, ["-i", Path.Combine(_keys.FullName, type), "-o", "PreferredAuthentications=publickey"]);

        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(output, Is.EqualTo("\nFri Nov 27 18:56:14 UTC 2026\n\n"));
    }

    [Test]
    public async Task AnUnknownKeyIsRefusedAndThePasswordStillWorks()
    {
        await using var server = SshTestServer.Start(device: DeviceWithKeys("ed25519"));
        var stranger = Path.Combine(_keys.FullName, "stranger");

        var (refused, _, _) = await Ssh(server, ["-i", stranger, "-o", "PreferredAuthentications=publickey"]);
        var (exit, output, error) = await Ssh(server, ["-i", stranger, "-o", "PreferredAuthentications=publickey,password"], password: "admin");

        Assert.That(refused, Is.EqualTo(255));
        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("UTC 2026"));
    }

    [Test]
    public void KeyboardInteractiveAsksForAcknowledgementFirstWhenConfigured()
    {
        var options = new SshServerOptions
        {
            HostKeys = SshTestServer.HostKeys,
            Banner = "Authorized access only.\r\n",
            RequireBannerAcknowledgement = true,
        };
        const string Script = """
            import sys, socket, paramiko
            sock = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
            transport = paramiko.Transport(sock)
            transport.start_client()
            prompts = []
            def handler(title, instructions, fields):
                prompts.extend(p for p, echo in fields)
                return ["yes" if "acknowledge" in p else "admin" for p, echo in fields]
            transport.auth_interactive("admin", handler)
            print("BANNER=" + repr(transport.get_banner()))
            print("PROMPTS=" + repr(prompts))
            print("AUTHENTICATED=%s" % transport.is_authenticated())
            transport.close()
            """;
        DebianPython.Require("paramiko");
        var server = SshTestServer.Start(options);
        try
        {
            var (exit, output, error) = DebianPython.Run(Script, [server.Port.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromMinutes(1));

            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(output, Does.Contain("BANNER=b'Authorized access only.\\r\\n'"));
            Assert.That(output, Does.Contain("PROMPTS=['Do you accept and acknowledge the statement above ? (yes/no) : ', 'Password: ']"));
            Assert.That(output, Does.Contain("AUTHENTICATED=True"));
        }
        finally
        {
            server.DisposeAsync().AsTask().Wait();
        }
    }

    [Test]
    public async Task PuttyPlinkRunsACommand()
    {
        ExternalProgram.Require("/usr/bin/plink", "putty-tools");
        await using var server = SshTestServer.Start();
        var fingerprint = SshTestServer.HostKeys[0].Fingerprint;

        var (exit, output, error) = await ExternalProgram.RunAsync(
            "/usr/bin/plink",
            ["-ssh", "-batch", "-hostkey", fingerprint, "-P", server.Port.ToString(CultureInfo.InvariantCulture), "-l", "admin", "-pw", "admin", "127.0.0.1", "show clock"],
            null,
            TimeSpan.FromSeconds(60));

        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(output, Is.EqualTo("\nFri Nov 27 18:56:14 UTC 2026\n\n"));
    }

    private Device DeviceWithKeys(string type)
    {
        var line = File.ReadAllText(Path.Combine(_keys.FullName, type + ".pub")).Split(' ');
        var admin = new UserAccount("admin", "admin") { AuthorizedKeys = [Convert.FromBase64String(line[1])] };
        return new Device(new DeviceIdentity(), [admin], new ManualTimeProvider(new DateTimeOffset(2026, 11, 27, 18, 56, 14, TimeSpan.Zero)), DefaultDevice.Seed);
    }

    private static async Task<(int, string, string)> Ssh(SshTestServer server, IEnumerable<string> options, string? password = null)
    {
        ExternalProgram.Require("/usr/bin/ssh", "openssh-client");
        var arguments = new List<string>
        {
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
            "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
            "-p", server.Port.ToString(CultureInfo.InvariantCulture),
        };
        arguments.AddRange(options);
        arguments.AddRange(["admin@127.0.0.1", "show", "clock"]);
        if (password is null)
        {
            return await ExternalProgram.RunAsync("/usr/bin/ssh", ["-o", "BatchMode=yes", .. arguments], null, TimeSpan.FromSeconds(60));
        }

        ExternalProgram.Require("/usr/bin/sshpass", "sshpass");
        return await ExternalProgram.RunAsync("/usr/bin/sshpass", ["-p", password, "/usr/bin/ssh", .. arguments], null, TimeSpan.FromSeconds(60));
    }
}
