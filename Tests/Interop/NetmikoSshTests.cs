using System.Globalization;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Interop;

/// <summary>
/// netmiko 2.4.2 (Debian bookworm), <c>device_type="paloalto_panos"</c>, over SSH: show commands,
/// configuration mode and commit as automation written for a real firewall uses them.
/// </summary>
/// <remarks>
/// netmiko 2.4.2 with its default delays spends about 28 s per connection on this sequence (7.7 s to
/// log in, 1.5 s per show command, 4.4 s to enter and to leave configuration mode, 2.2 s per
/// check_config_mode, 2.2 s to disconnect: measured), so 20 connections would take over 9 minutes. The
/// sequence therefore runs once with the default delays and 20 times with <c>fast_cli=True</c>, which
/// divides every delay by ten (about 2.5 s a connection). That is the stricter test of contract C15:
/// netmiko then gives up waiting after 0.2 s of quiet instead of 2 s.
/// </remarks>
[TestFixture]
public sealed class NetmikoSshTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 18, 56, 14, TimeSpan.Zero);

    [Test]
    public async Task Netmiko242DefaultDelaysShowsConfigModeAndCommit()
    {
        var (output, commits, adminsLeft) = await RunCycleAsync(connections: 1, fast: false);

        Assert.That(output, Does.Contain("CONNECTIONS=1 CYCLES=1 FAILURES=0\n"), output);
        Assert.That(commits, Is.EqualTo(1));
        Assert.That(adminsLeft, Is.Zero, "netmiko's disconnect ends the admin session");
    }

    [Test]
    public async Task Netmiko242TwentyConnectionsInOneProcess()
    {
        var (output, commits, adminsLeft) = await RunCycleAsync(connections: 20, fast: true);

        Assert.That(output, Does.Contain("CONNECTIONS=20 CYCLES=20 FAILURES=0\n"), output);
        Assert.That(commits, Is.EqualTo(20), "one commit job per connection");
        Assert.That(adminsLeft, Is.Zero, "every one of the 20 admin sessions ended");
    }

    /// <summary>
    /// Contract C13: a real firewall repaints the line after every space outside scripting mode, and
    /// netmiko 2.4.2 never turns scripting mode on. It still finds the prompt and runs commands, but
    /// its output starts with the remnant of the first repaint, `show ` and a line end, as it does
    /// against a real PAN-OS device.
    /// </summary>
    [Test]
    public async Task Netmiko242AgainstTheRepaintingDeviceKeepsTheRemnant()
    {
        const string Script = """
            import sys
            from netmiko import ConnectHandler
            conn = ConnectHandler(device_type="paloalto_panos", host="127.0.0.1", port=int(sys.argv[1]),
                                  username="admin", password="admin", timeout=20)
            print("PROMPT=%r" % conn.find_prompt())
            print("CLOCK=%r" % conn.send_command("show clock"))
            info = conn.send_command("show system info")
            print("INFO_START=%r" % info[:23])
            print("INFO_MODEL=%s" % ("\nmodel: PA-VM\n" in info))
            conn.disconnect()
            """;
        DebianPython.Require("netmiko");
        await using var server = SshTestServer.Start(device: DefaultDevice.Create(new ManualTimeProvider(Now)));
        Assert.That(server.Device.Behavior.RepaintWords, Is.True, "repainting is the default");

        var (exit, output, error) = await PythonProcess.RunAsync(Script, [Port(server)], TimeSpan.FromMinutes(2));

        Assert.That(exit, Is.EqualTo(0), error + output);
        Assert.That(output, Does.Contain("PROMPT='admin@PA-VM>'\n"));
        Assert.That(output, Does.Contain(@"CLOCK='show \n\nFri Nov 27 18:56:14 UTC 2026\n'"), "the remnant `show ` of the first repaint, then the answer");
        Assert.That(output, Does.Contain(@"INFO_START='show \n\nhostname: PA-VM\n'"));
        Assert.That(output, Does.Contain("INFO_MODEL=True\n"));
    }

    private static async Task<(string Output, int Commits, int AdminsLeft)> RunCycleAsync(int connections, bool fast)
    {
        DebianPython.Require("netmiko");
        var device = DefaultDevice.Create(new ManualTimeProvider(Now));
        // netmiko 2.4.2 never turns scripting mode on, so it needs the forgiving device (contract C13).
        device.Behavior = device.Behavior with { RepaintWords = false };
        await using var server = SshTestServer.Start(device: device);
        string[] arguments =
        [
            "paloalto_panos", Port(server), connections.ToString(CultureInfo.InvariantCulture), "1",
            fast ? "fast" : "default", "commit",
        ];

        var (exit, output, error) = await PythonProcess.RunAsync(NetmikoCycle.Script, arguments, TimeSpan.FromMinutes(4));

        Assert.That(exit, Is.EqualTo(0), error + output);
        TestContext.Out.WriteLine(output);
        var adminsLeft = await AdminsLeftAsync(device);
        return (output, device.Jobs.All.Count(job => job.Type == "Commit"), adminsLeft);
    }

    /// <summary>The admin sessions still open a moment after the client left, while the server still runs.</summary>
    private static async Task<int> AdminsLeftAsync(Device device)
    {
        for (var i = 0; i < 100 && device.Admins.Snapshot().Count > 0; i++)
        {
            await Task.Delay(50);
        }

        return device.Admins.Snapshot().Count;
    }

    private static string Port(SshTestServer server) => server.Port.ToString(CultureInfo.InvariantCulture);
}
