using System.Text;
using VirtualFirewall.Emulator.Terminal;

namespace VirtualFirewall.Tests.Reliability;

/// <summary>
/// A megabyte pasted as one line, over SSH and Telnet: the line editor keeps the first
/// <see cref="LineEditor.MaxLineLength"/> characters and rings once; the words in the paste must not
/// make the per-word repaint echo the full line again for every further space; the server answers a
/// bystander meanwhile and the same session afterwards.
/// </summary>
[TestFixture]
public sealed class LongLineTests
{
    private const string Word = "abcdefghijklmnopqrstuvwxyz0123456789 ";

    // The echo of a full line with its repaints is about 0.3 MB; without a bound it is gigabytes.
    private const int MaxEcho = 2 * 1024 * 1024;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static byte[] Megabyte()
    {
        var text = new StringBuilder(1024 * 1024 + Word.Length);
        while (text.Length < 1024 * 1024)
        {
            text.Append(Word);
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task A_pasted_megabyte_over_ssh_is_cut_at_the_line_limit_and_the_shell_answers(CancellationToken cancellation)
    {
        using var watch = new FaultWatch();
        await using var firewall = FirewallUnderTest.Launch();
        using var bystander = SshShell.Open(firewall.SshPort);
        using var shell = SshShell.Open(firewall.SshPort);
        var before = ManagedMemory.Live();

        shell.Send(Megabyte());
        Assert.That(bystander.Run("show clock"), Does.Contain(FirewallUnderTest.Clock), "a bystander while the line is pending");
        shell.Send([0x03]);
        var echo = shell.ReadToPrompt(FirewallUnderTest.Prompt);
        var grown = ManagedMemory.Live() - before;

        Assert.That(echo, Has.Length.LessThan(MaxEcho), "the echo of the pasted line");
        Assert.That(echo.Count(c => c == '\a'), Is.EqualTo(1), "one bell for the overflow");
        Assert.That(grown, Is.LessThan(16 * ManagedMemory.MiB), "managed memory after the paste: " + ManagedMemory.Describe(grown));
        Assert.That(shell.Run("show clock"), Does.Contain(FirewallUnderTest.Clock), "the same session after Ctrl-C");

        shell.Send(Megabyte());
        var answer = shell.Run(string.Empty);
        Assert.That(answer, Has.Length.LessThan(MaxEcho));
        Assert.That(answer, Does.Contain("\r\nUnknown command: abcdefghijklmnopqrstuvwxyz0123456789"), "the line, cut, is run");
        Assert.That(shell.Run("show clock"), Does.Contain(FirewallUnderTest.Clock), "the same session after the long command");
        watch.AssertNoFaults();
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task A_pasted_megabyte_over_telnet_is_cut_at_the_line_limit_and_the_shell_answers(CancellationToken cancellation)
    {
        using var watch = new FaultWatch();
        await using var firewall = FirewallUnderTest.Launch();
        await using var bystander = await TelnetSession.LogInAsync(firewall.TelnetEndpoint);
        await using var client = await TelnetSession.LogInAsync(firewall.TelnetEndpoint);

        await client.Client.SendAsync(Megabyte());
        await bystander.AssertShowClockAsync("a bystander while the line is pending");
        var echoed = client.Client.Received.Length;
        await client.Client.SendAsync([0x03]);
        await client.AssertShowClockAsync("the same session after Ctrl-C");
        Assert.That(client.Client.Received.Length, Is.LessThan(MaxEcho), "the echo of the pasted line");
        Assert.That(client.Client.ReceivedText.Count(c => c == '\a'), Is.EqualTo(1), "one bell for the overflow");

        await client.Client.SendAsync(Megabyte());
        await client.Client.SendAsync("\r\n");
        Assert.That(await client.Client.WaitForTextAsync("\r\nUnknown command: abcdefghijklmnopqrstuvwxyz0123456789", Wait), Is.True, "the line, cut, is run");
        await client.AssertShowClockAsync("the same session after the long command");
        Assert.That(client.Client.Received.Length, Is.LessThan(2 * MaxEcho), $"the echo of two pasted lines ({echoed} bytes after the first)");
        watch.AssertNoFaults();
    }
}
