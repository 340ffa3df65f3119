using System.Runtime.Versioning;
using Renci.SshNet;
using VirtualFirewall.Tests.Hosting;

namespace VirtualFirewall.Tests.Security;

/// <summary>
/// Every file the emulator writes (host keys, the running configuration, `save config` files,
/// recorded transcripts) is mode 600, and every directory it makes is 700: after a real run, by stat.
/// </summary>
[TestFixture]
[UnsupportedOSPlatform("windows")]
public sealed class FileModeTests
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Test]
    public async Task FilesAreWrittenWithMode600InDirectoriesMadeWithMode700()
    {
        var root = Directory.CreateTempSubdirectory("vf-modes-");
        try
        {
            // Nested directories that do not exist yet: the emulator makes each level.
            var keys = Path.Combine(root.FullName, "made", "keys");
            var state = Path.Combine(root.FullName, "made", "state");
            var records = Path.Combine(root.FullName, "made", "records");
            await using (var emulator = EmulatorProcess.Start(
                ["--ssh-port", "0", "--no-telnet", "--host-key-dir", keys, "--state-dir", state, "--record", records]))
            {
                var port = await emulator.PortAsync("ssh", TimeSpan.FromSeconds(60));
                CommitAndSave(port);
                Assert.That(await emulator.TerminateAsync(TimeSpan.FromSeconds(30)), Is.EqualTo(0));
            }

            var made = Path.Combine(root.FullName, "made");
            var directories = new[] { made, keys, state, records };
            var files = Directory.GetFiles(made, "*", SearchOption.AllDirectories);
            Assert.That(files.Select(Path.GetFileName), Is.SupersetOf(new[]
            {
                "ssh_host_ed25519_key", "ssh_host_ed25519_key.pub", "ssh_host_ecdsa_key", "ssh_host_rsa_key",
                "running-config.xml", "saved-by-test.xml",
            }));
            Assert.That(Directory.GetFiles(records), Is.Not.Empty, "a recorded transcript");
            Assert.Multiple(() =>
            {
                foreach (var directory in directories)
                {
                    Assert.That(File.GetUnixFileMode(directory), Is.EqualTo(OwnerOnlyDirectory), directory);
                }

                foreach (var file in files)
                {
                    Assert.That(File.GetUnixFileMode(file), Is.EqualTo(OwnerOnlyFile), file);
                }
            });
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static void CommitAndSave(int port)
    {
        using var client = new SshClient(new ConnectionInfo("127.0.0.1", port, "admin", new PasswordAuthenticationMethod("admin", "admin")) { Timeout = Wait });
        client.Connect();
        using var shell = client.CreateShellStream("xterm", 200, 50, 0, 0, 4096);
        foreach (var (line, answer) in new[]
        {
            ("set cli scripting-mode on", "admin@PA-VM> "),
            ("configure", "admin@PA-VM# "),
            ("set deviceconfig system hostname modes-test", "admin@PA-VM# "),
            ("commit", "Configuration committed successfully"),
            ("save config to saved-by-test.xml", "admin@modes-test# "),
            ("exit", "admin@modes-test> "),
        })
        {
            shell.Write(line + "\r");
            Assert.That(shell.Expect(answer, Wait), Is.Not.Null, $"after {line}");
        }

        shell.Write("exit\r");
    }
}
