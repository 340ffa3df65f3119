using System.Globalization;
using Renci.SshNet;
using Renci.SshNet.Common;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.State;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Engine.Users;
using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Interop;

/// <summary>
/// A paramiko 2.12 script written the way Ansible's <c>panos_admpwd</c> module changes the admin
/// password (client contracts C1, C11 and the plain-paramiko row): it logs in with a public key, opens
/// a vt100 80×24 shell, and after every command polls until the last non-blank character it received
/// is <c>&gt;</c>, <c>#</c> or <c>:</c>. It never turns scripting mode on, so it runs against the
/// repainting device (C13), as on a real firewall.
/// </summary>
[TestFixture]
public sealed class ParamikoAdminPasswordTests
{
    private const string NewPassword = "N3w-Secret!";

    private const string Script = """
        import sys, time, paramiko
        port, key_file, new_password, confirm = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
        transcript = ""

        def wait_for(shell, terminators, timeout=30):
            # panos_admpwd: read until the last non-blank character is the awaited one.
            global transcript
            buffer = ""
            deadline = time.time() + timeout
            while True:
                if shell.recv_ready():
                    buffer += shell.recv(4096).decode()
                    tail = buffer.rstrip()
                    if tail and tail[-1] in terminators:
                        transcript += buffer
                        return buffer
                elif time.time() > deadline:
                    raise Exception("timed out waiting for %r after %r" % (terminators, buffer))
                else:
                    time.sleep(0.05)

        client = paramiko.SSHClient()
        client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
        client.connect("127.0.0.1", port=port, username="admin", key_filename=key_file,
                       look_for_keys=False, allow_agent=False)
        print("AUTH=" + ",".join(client.get_transport().auth_handler.auth_method.split()))
        shell = client.invoke_shell(term="vt100", width=80, height=24)
        wait_for(shell, ">")
        shell.send("configure\n")
        wait_for(shell, "#")
        shell.send("set mgt-config users admin password\n")
        wait_for(shell, ":")
        shell.send(new_password + "\n")
        wait_for(shell, ":")
        shell.send(confirm + "\n")
        wait_for(shell, "#")
        shell.send("commit\n")
        result = wait_for(shell, "#", 120)
        print("COMMITTED=%s" % ("successfully" in result))
        shell.send("exit\n")
        wait_for(shell, ">")
        shell.send("exit\n")
        client.close()
        print("TRANSCRIPT=%r" % transcript)
        """;

    private DirectoryInfo _keys = null!;

    [OneTimeSetUp]
    public async Task MakeKey()
    {
        ExternalProgram.Require("/usr/bin/ssh-keygen", "openssh-client");
        _keys = Directory.CreateTempSubdirectory("vf-admpwd-");
        var (exit, _, error) = await ExternalProgram.RunAsync("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", string.Empty, "-f", KeyFile], null, TimeSpan.FromSeconds(60));
        Assert.That(exit, Is.EqualTo(0), error);
    }

    [OneTimeTearDown]
    public void RemoveKey() => _keys.Delete(recursive: true);

    private string KeyFile => Path.Combine(_keys.FullName, "id_ed25519");

    [Test]
    public async Task ChangesTheAdminPasswordWithAPublicKeyLoginAndCommit()
    {
        DebianPython.Require("paramiko");
        await using var server = SshTestServer.Start(device: DeviceWithKey());

        var (exit, output, error) = await PythonProcess.RunAsync(Script, [Port(server), KeyFile, NewPassword, NewPassword], TimeSpan.FromMinutes(2));

        Assert.That(exit, Is.EqualTo(0), error + output);
        Assert.That(output, Does.Contain("AUTH=publickey\n"));
        Assert.That(output, Does.Contain("COMMITTED=True\n"));
        var transcript = Transcript(output);
        Assert.That(transcript, Does.Contain(@"admin@PA-VM# set mgt-config users admin password\r\nEnter password   : \r\nConfirm password : \r\n\r\n[edit]\r\nadmin@PA-VM# "));
        Assert.That(transcript, Does.Contain(@"Configuration committed successfully\r\n\r\n[edit]\r\nadmin@PA-VM# "));
        Assert.That(transcript, Does.Not.Contain(NewPassword), "the password is never echoed");

        Assert.That(await LogsInAsync(server, NewPassword), Is.True, "the committed password logs in");
        Assert.That(await LogsInAsync(server, "admin"), Is.False, "the old password no longer does");
    }

    [Test]
    public async Task AMismatchedConfirmationChangesNothing()
    {
        DebianPython.Require("paramiko");
        await using var server = SshTestServer.Start(device: DeviceWithKey());

        var (exit, output, error) = await PythonProcess.RunAsync(Script, [Port(server), KeyFile, NewPassword, "something-else"], TimeSpan.FromMinutes(2));

        Assert.That(exit, Is.EqualTo(0), error + output);
        Assert.That(output, Does.Contain("COMMITTED=False\n"));
        var transcript = Transcript(output);
        Assert.That(transcript, Does.Contain(@"Confirm password : \r\nPasswords do not match\r\n"));
        Assert.That(transcript, Does.Contain(@"commit\r\nThere are no changes to commit.\r\n"));
        Assert.That(await LogsInAsync(server, "admin"), Is.True);
        Assert.That(await LogsInAsync(server, NewPassword), Is.False);
    }

    private static string Transcript(string output)
    {
        var start = output.IndexOf("TRANSCRIPT=", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), output);
        return output[(start + "TRANSCRIPT=".Length)..];
    }

    private static async Task<bool> LogsInAsync(SshTestServer server, string password)
    {
        var connection = new ConnectionInfo("127.0.0.1", server.Port, "admin", new PasswordAuthenticationMethod("admin", password)) { Timeout = TimeSpan.FromSeconds(10) };
        using var client = new SshClient(connection);
        try
        {
            await client.ConnectAsync(CancellationToken.None);
        }
        catch (SshAuthenticationException)
        {
            return false;
        }

        using var command = client.CreateCommand("show clock");
        await command.ExecuteAsync(CancellationToken.None);
        Assert.That(command.Result, Is.EqualTo("\nFri Nov 27 18:56:14 UTC 2026\n\n"));
        return true;
    }

    private Device DeviceWithKey()
    {
        var line = File.ReadAllText(KeyFile + ".pub").Split(' ');
        var admin = new UserAccount("admin", "admin") { AuthorizedKeys = [Convert.FromBase64String(line[1])] };
        return new Device(new DeviceIdentity(), [admin], new ManualTimeProvider(new DateTimeOffset(2026, 11, 27, 18, 56, 14, TimeSpan.Zero)), DefaultDevice.Seed);
    }

    private static string Port(SshTestServer server) => server.Port.ToString(CultureInfo.InvariantCulture);
}
