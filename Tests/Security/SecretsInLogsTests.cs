using System.Net;
using System.Text;
using Renci.SshNet;
using Renci.SshNet.Common;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Tests.Hosting;

namespace VirtualFirewall.Tests.Security;

/// <summary>
/// A full run of the real emulator with the most verbose log: SSH and Telnet logins with right and
/// wrong passwords, keyboard-interactive, a password change in configure mode, a commit, `save config`,
/// recording on. No password used may appear in any log, the state directory or the recordings.
/// </summary>
[TestFixture]
public sealed class SecretsInLogsTests
{
    private const string Initial = "Initial-Pw-7Qx4";
    private const string Changed = "Changed-Pw-9Vt2";
    private const string WrongSshPassword = "Wrong-Ssh-Pw-3Kz8";
    private const string WrongKeyboardInteractive = "Wrong-Kbd-Pw-8Jd1";
    private const string WrongTelnet = "Wrong-Telnet-Pw-5Lm6";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Test]
    public async Task NoPasswordUsedInAFullRunAppearsInTheLogsTheStateOrTheRecordings()
    {
        var root = Directory.CreateTempSubdirectory("vf-secrets-");
        try
        {
            var description = Path.Combine(root.FullName, "device.yaml");
            File.WriteAllText(description, WithAdminPassword(DefaultDevice.Text, Initial));
            var logFile = Path.Combine(root.FullName, "logs", "emulator.log");
            var state = Path.Combine(root.FullName, "state");
            var records = Path.Combine(root.FullName, "records");
            await using var emulator = EmulatorProcess.Start(
                ["--device", description, "--ssh-port", "0", "--telnet-port", "0", "--host-key-dir", Path.Combine(root.FullName, "keys"), "--state-dir", state, "--record", records],
                new Dictionary<string, string> { ["VIRTUALFIREWALL_LOG_LEVEL"] = "Trace", ["VIRTUALFIREWALL_LOG_FILE"] = logFile });
            var ssh = await emulator.PortAsync("ssh", TimeSpan.FromSeconds(60));
            var telnet = await emulator.PortAsync("telnet", TimeSpan.FromSeconds(30));

            Assert.That(TryPassword(ssh, WrongSshPassword), Is.False, "a wrong SSH password");
            Assert.That(TryKeyboardInteractive(ssh, WrongKeyboardInteractive), Is.False, "a wrong keyboard-interactive answer");
            Assert.That(TryKeyboardInteractive(ssh, Initial), Is.True, "the right keyboard-interactive answer");
            ChangePasswordAndCommit(ssh, Initial, Changed);
            Assert.That(TryPassword(ssh, Initial), Is.False, "the old password after the change");
            await TelnetLoginsAsync(new IPEndPoint(IPAddress.Loopback, telnet), WrongTelnet, Changed);

            Assert.That(await emulator.TerminateAsync(TimeSpan.FromSeconds(30)), Is.EqualTo(0));

            Assert.That(File.Exists(logFile), Is.True, "the log file");
            Assert.That(File.ReadAllText(logFile), Does.Contain("authentication failed for user admin"), "the log is verbose enough to have seen the logins");
            Assert.That(Directory.GetFiles(records), Has.Length.GreaterThanOrEqualTo(2), "a transcript per shell session");
            Assert.That(Directory.GetFiles(state), Has.Some.EndsWith("saved-secrets.xml"), "`save config to` wrote its file");
            var places = new Dictionary<string, string> { ["standard output"] = emulator.Output, ["standard error"] = emulator.Error };
            foreach (var file in Directory.GetFiles(root.FullName, "*", SearchOption.AllDirectories).Where(f => f != description))
            {
                places[file] = File.ReadAllText(file, Encoding.UTF8);
            }

            foreach (var password in new[] { Initial, Changed, WrongSshPassword, WrongKeyboardInteractive, WrongTelnet })
            {
                Assert.That(places.Where(p => p.Value.Contains(password, StringComparison.Ordinal)).Select(p => p.Key), Is.Empty, $"places holding {password}");
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static string WithAdminPassword(string description, string password)
    {
        const string Factory = "    password: admin ";
        Assert.That(description, Does.Contain(Factory), "the default description's admin password line");
        return description.Replace(Factory, $"    password: {password} ", StringComparison.Ordinal);
    }

    private static bool TryPassword(int port, string password) =>
        Connects(new ConnectionInfo("127.0.0.1", port, "admin", new PasswordAuthenticationMethod("admin", password)) { Timeout = Wait });

    private static bool TryKeyboardInteractive(int port, string answer)
    {
        using var method = new KeyboardInteractiveAuthenticationMethod("admin");
        method.AuthenticationPrompt += (_, e) =>
        {
            foreach (var prompt in e.Prompts)
            {
                prompt.Response = answer;
            }
        };
        return Connects(new ConnectionInfo("127.0.0.1", port, "admin", method) { Timeout = Wait });
    }

    private static bool Connects(ConnectionInfo info)
    {
        using var client = new SshClient(info);
        try
        {
            client.Connect();
            return client.IsConnected;
        }
        catch (SshAuthenticationException)
        {
            return false;
        }
    }

    /// <summary>`set mgt-config users admin password` at its two hidden prompts, `commit`, `save config to`.</summary>
    private static void ChangePasswordAndCommit(int port, string password, string newPassword)
    {
        using var client = new SshClient(new ConnectionInfo("127.0.0.1", port, "admin", new PasswordAuthenticationMethod("admin", password)) { Timeout = Wait });
        client.Connect();
        using var shell = client.CreateShellStream("xterm", 200, 50, 0, 0, 4096);
        Expect(shell, "admin@PA-VM> ");
        shell.Write("set cli scripting-mode on\r");
        Expect(shell, "admin@PA-VM> ");
        shell.Write("configure\r");
        Expect(shell, "admin@PA-VM# ");
        shell.Write("set mgt-config users admin password\r");
        Expect(shell, "Enter password   : ");
        shell.Write(newPassword + "\r");
        Expect(shell, "Confirm password : ");
        shell.Write(newPassword + "\r");
        Expect(shell, "admin@PA-VM# ");
        shell.Write("commit\r");
        Expect(shell, "Configuration committed successfully");
        Expect(shell, "admin@PA-VM# ");
        shell.Write("save config to saved-secrets.xml\r");
        Expect(shell, "admin@PA-VM# ");
        shell.Write("exit\r");
        Expect(shell, "admin@PA-VM> ");
        shell.Write("exit\r");
    }

    private static void Expect(ShellStream shell, string text) =>
        Assert.That(shell.Expect(text, Wait), Is.Not.Null, $"waiting for {text}");

    private static async Task TelnetLoginsAsync(IPEndPoint endpoint, string wrong, string right)
    {
        await using var client = await TelnetTestClient.ConnectAsync(endpoint);
        await LoginAsync(client, 1, wrong);
        Assert.That(await client.WaitForTextAsync("Login incorrect", Wait), Is.True, "the wrong Telnet password is refused");
        await LoginAsync(client, 2, right);
        Assert.That(await client.WaitForTextAsync("admin@PA-VM> ", Wait), Is.True, client.ReceivedText);
        await client.SendAsync("show clock\r\n");
        await client.SendAsync("exit\r\n");
        Assert.That(await client.WaitClosedAsync(Wait), Is.True, "exit closes the Telnet session");
    }

    private static async Task LoginAsync(TelnetTestClient client, int attempt, string password)
    {
        Assert.That(await client.WaitForAsync(_ => Count(client.ReceivedText, "login: ") >= attempt, Wait), Is.True, client.ReceivedText);
        await client.SendAsync("admin\r\n");
        Assert.That(await client.WaitForAsync(_ => Count(client.ReceivedText, "Password: ") >= attempt, Wait), Is.True, client.ReceivedText);
        await client.SendAsync(password + "\r\n");
    }

    private static int Count(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
