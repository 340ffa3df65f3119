using System.Text;
using VirtualFirewall.Emulator.Telnet;

namespace VirtualFirewall.Tests.Reliability;

/// <summary>
/// Absurd terminal sizes: SSH pty-req and window-change with 0, 1, 65535 and 2^32−1 columns and rows
/// and huge pixel sizes; Telnet NAWS 0x0 and 65535x65535. After each the shell answers correctly,
/// through the pager when the size makes it page, with output of a sane length.
/// </summary>
[TestFixture]
public sealed class TerminalSizeTests
{
    // `show system info` is about 1.5 KB; the pager adds little, a bug that pads to the width much more.
    private const int SaneLength = 64 * 1024;

    private const string OutputPagerMore = "--more--";

    private static readonly (uint Columns, uint Rows, uint Width, uint Height)[] Sizes =
    [
        (0, 0, 0, 0),
        (1, 1, 1, 1),
        (65535, 65535, 65535, 65535),
        (uint.MaxValue, uint.MaxValue, uint.MaxValue, uint.MaxValue),
        (80, 24, uint.MaxValue, uint.MaxValue),
        (1, uint.MaxValue, 0, 0),
        (uint.MaxValue, 1, 0, 0),
    ];

    [Test]
    [CancelAfter(120_000)]
    public async Task Ssh_pty_and_window_change_sizes_from_zero_to_two_to_the_32_leave_the_shell_sane(CancellationToken cancellation)
    {
        using var watch = new FaultWatch();
        await using var firewall = FirewallUnderTest.Launch();
        foreach (var opening in Sizes)
        {
            using var shell = await ScriptedShell.OpenAsync(firewall.SshPort, opening, cancellation);
            await AssertAnswersAsync(shell, $"pty {opening}", cancellation);
            foreach (var change in Sizes)
            {
                await shell.ResizeAsync(change, cancellation);
                await AssertAnswersAsync(shell, $"pty {opening}, then window-change {change}", cancellation);
            }
        }

        watch.AssertNoFaults();
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Telnet_window_sizes_of_zero_and_65535_leave_the_shell_sane(CancellationToken cancellation)
    {
        using var watch = new FaultWatch();
        await using var firewall = FirewallUnderTest.Launch();
        await using var session = await TelnetSession.LogInAsync(firewall.TelnetEndpoint);
        foreach (var (width, height) in new[] { (0, 0), (65535, 65535), (0, 0), (200, 0), (0, 50) })
        {
            await session.Client.SendRawAsync(TelnetEncoder.Subnegotiation(TelnetCodes.NAWS, [(byte)(width >> 8), (byte)width, (byte)(height >> 8), (byte)height]));
            var output = await RunPagedAsync(session, "show system info", $"NAWS {width}x{height}");
            Assert.That(output, Does.Contain("hostname: PA-VM"), $"NAWS {width}x{height}");
            Assert.That(output, Has.Length.LessThan(SaneLength), $"NAWS {width}x{height}");
            await session.AssertShowClockAsync($"after NAWS {width}x{height}");
        }

        var settings = firewall.Device.Admins.Snapshot().Single().Settings;
        Assert.That((settings.TerminalWidth, settings.TerminalHeight), Is.EqualTo((200, 50)), "zero keeps the dimension as it was (RFC 1073)");
        watch.AssertNoFaults();
    }

    /// <summary>Types a command over Telnet and returns its output to the next prompt, pressing Space at each `--more--`.</summary>
    private static async Task<string> RunPagedAsync(TelnetSession session, string command, string when)
    {
        var mark = session.Client.Received.Length;
        await session.Client.SendAsync(command + "\r\n");
        var seen = mark;
        for (var pages = 0; pages < 1000; pages++)
        {
            var ended = await session.Client.WaitForAsync(
                b => b.Length > seen && Encoding.UTF8.GetString(b, mark, b.Length - mark) is var text
                    && (text.EndsWith("\n" + FirewallUnderTest.Prompt, StringComparison.Ordinal) || text.EndsWith(OutputPagerMore, StringComparison.Ordinal)),
                TelnetSession.Wait);
            Assert.That(ended, Is.True, $"{when}: neither a prompt nor --more-- after {command}");
            var output = Encoding.UTF8.GetString(session.Client.Received, mark, session.Client.Received.Length - mark);
            if (output.EndsWith("\n" + FirewallUnderTest.Prompt, StringComparison.Ordinal))
            {
                return output;
            }

            seen = mark + Encoding.UTF8.GetByteCount(output);
            await session.Client.SendAsync(" ");
        }

        Assert.Fail($"{when}: a thousand pages");
        return string.Empty;
    }

    private static async Task AssertAnswersAsync(ScriptedShell shell, string when, CancellationToken cancellation)
    {
        var clock = await shell.RunAsync("show clock", cancellation);
        Assert.That(clock, Does.Contain(FirewallUnderTest.Clock), when);
        var info = await shell.RunAsync("show system info", cancellation);
        Assert.That(info, Does.Contain("hostname: PA-VM").And.Contain("serial: 007954000351998"), when);
        Assert.That(info, Has.Length.LessThan(SaneLength), when);
    }
}
