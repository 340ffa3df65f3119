using System.Text;
using VirtualFirewall.Ssh.IO;
using VirtualFirewall.Tests.Ssh.Hostile;

namespace VirtualFirewall.Tests.Reliability;

/// <summary>
/// Invalid UTF-8 (stray continuation bytes, overlong forms, encoded surrogates, code points past
/// U+10FFFF, sequences cut short) typed as commands, and sent as the user name or password, over SSH
/// and Telnet. The terminal decoder drops it, so a command either still means what its valid
/// characters say or gets PAN-OS's error text; a login with it fails or, where SSH requires UTF-8,
/// ends with a protocol-error disconnect. Never a crash, never a logged error.
/// </summary>
[TestFixture]
public sealed class InvalidUtf8Tests
{
    private static readonly byte[][] Commands =
    [
        [.. "show "u8, 0xFF, 0xFE, .. " clock"u8],
        [.. "sh"u8, 0xC3, 0x28, .. "ow clock"u8],
        [0xC0, 0xAF, .. "show clock"u8],
        [.. "show "u8, 0xED, 0xA0, 0x80, .. " clock"u8],
        [.. "show "u8, 0xF4, 0x90, 0x80, 0x80],
        [.. "show clock "u8, 0xE2, 0x82],
        [.. Enumerable.Repeat((byte)0x80, 5000)],
        [.. "show clock"u8, 0xF8, 0x88, 0x80, 0x80, 0x80],
    ];

    [Test]
    [CancelAfter(60_000)]
    public async Task Ssh_commands_with_invalid_utf8_get_an_answer_or_error_text(CancellationToken cancellation)
    {
        using var watch = new FaultWatch();
        await using var firewall = FirewallUnderTest.Launch();
        using var shell = await ScriptedShell.OpenAsync(firewall.SshPort, (80, 24, 0, 0), cancellation);
        foreach (var command in Commands)
        {
            var output = await shell.RunAsync(command, cancellation);
            AssertCleanAnswer(output, command);
            Assert.That(await shell.RunAsync("show clock", cancellation), Does.Contain(FirewallUnderTest.Clock), $"after {Describe(command)}");
        }

        watch.AssertNoFaults();
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Telnet_commands_with_invalid_utf8_get_an_answer_or_error_text(CancellationToken cancellation)
    {
        using var watch = new FaultWatch();
        await using var firewall = FirewallUnderTest.Launch();
        await using var session = await TelnetSession.LogInAsync(firewall.TelnetEndpoint);
        foreach (var command in Commands)
        {
            var mark = session.Client.Received.Length;
            await session.Client.SendAsync([.. command, (byte)'\r', (byte)'\n']);
            Assert.That(
                await session.Client.WaitForAsync(b => Encoding.UTF8.GetString(b, mark, b.Length - mark).EndsWith("\n" + FirewallUnderTest.Prompt, StringComparison.Ordinal), TelnetSession.Wait),
                Is.True,
                $"a prompt after {Describe(command)}");
            AssertCleanAnswer(Encoding.UTF8.GetString(session.Client.Received, mark, session.Client.Received.Length - mark), command);
            await session.AssertShowClockAsync($"after {Describe(command)}");
        }

        watch.AssertNoFaults();
    }

    [TestCase(new byte[] { 0x61, 0x64, 0xC3, 0x28, 0x6D, 0x69, 0x6E }, new byte[] { 0x61, 0x64, 0x6D, 0x69, 0x6E })]
    [TestCase(new byte[] { 0x61, 0x64, 0x6D, 0x69, 0x6E }, new byte[] { 0xFF, 0xFE, 0xC0, 0xAF })]
    [TestCase(new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    [CancelAfter(60_000)]
    public async Task An_ssh_login_with_invalid_utf8_fails_cleanly(byte[] user, byte[] password, CancellationToken cancellation)
    {
        using var watch = new FaultWatch();
        await using var firewall = FirewallUnderTest.Launch();
        using (var client = await ScriptedSshClient.ConnectAsync(firewall.SshPort, cancellation))
        {
            await client.RequestUserAuthAsync(cancellation);
            await client.SendAsync(
                new SshDataWriter().WriteByte(Wire.UserauthRequest).WriteBinary(user).WriteString("ssh-connection").WriteString("password")
                    .WriteBoolean(false).WriteBinary(password).ToArray(),
                cancellation);
            var answer = await client.ReceiveAsync(cancellation);
            Assert.That(answer, Is.Not.Null, "an answer to the login");
            Assert.That(
                answer![0] == ScriptedSshClient.UserauthFailure || Wire.DisconnectReason(answer) == Wire.ProtocolError,
                Is.True,
                $"USERAUTH_FAILURE or DISCONNECT 2, not message {answer[0]}");
        }

        using var shell = SshShell.Open(firewall.SshPort);
        Assert.That(shell.Run("show clock"), Does.Contain(FirewallUnderTest.Clock), "a normal login afterwards");
        watch.AssertNoFaults();
    }

    [TestCase(new byte[] { 0x61, 0x64, 0xC3, 0x28, 0x6D, 0x69, 0x6E }, new byte[] { 0x61, 0x64, 0x6D, 0x69, 0x6E, 0x21 })]
    [TestCase(new byte[] { 0xC0, 0xAF, 0x78, 0xFF, 0xFE }, new byte[] { 0xED, 0xA0, 0x80 })]
    [CancelAfter(60_000)]
    public async Task A_telnet_login_with_invalid_utf8_fails_cleanly(byte[] user, byte[] password, CancellationToken cancellation)
    {
        using var watch = new FaultWatch();
        await using var firewall = FirewallUnderTest.Launch();
        await using (var client = await Hosting.TelnetTestClient.ConnectAsync(firewall.TelnetEndpoint))
        {
            Assert.That(await client.WaitForTextAsync("login: ", TelnetSession.Wait), Is.True);
            await client.SendAsync([.. user, (byte)'\r', (byte)'\n']);
            Assert.That(await client.WaitForTextAsync("Password: ", TelnetSession.Wait), Is.True);
            await client.SendAsync([.. password, (byte)'\r', (byte)'\n']);
            Assert.That(await client.WaitForTextAsync("Login incorrect\r\nlogin: ", TelnetSession.Wait), Is.True, client.ReceivedText);
        }

        await using var session = await TelnetSession.LogInAsync(firewall.TelnetEndpoint);
        await session.AssertShowClockAsync("for a normal login afterwards");
        Assert.That(firewall.Device.Admins.Snapshot(), Has.Count.EqualTo(1), "only the normal login");
        watch.AssertNoFaults();
    }

    /// <summary>The command's answer, PAN-OS's error text, or (when nothing valid was typed) just a new prompt.</summary>
    private static void AssertCleanAnswer(string output, byte[] command) =>
        Assert.That(
            output,
            Does.Contain(FirewallUnderTest.Clock).Or.Contain("Unknown command: ").Or.Contain("Invalid syntax.")
                .Or.EqualTo("\r\n" + FirewallUnderTest.Prompt),
            $"the answer to {Describe(command)}");

    private static string Describe(byte[] command) => command.Length > 40 ? $"{command.Length} bytes" : Convert.ToHexString(command);
}
