using System.Globalization;
using System.Net;
using VirtualFirewall.Emulator.Hosting;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Engine.Time;

namespace VirtualFirewall.Tests.Interop;

/// <summary>
/// netmiko 2.4.2 (Debian bookworm), <c>device_type="paloalto_panos_telnet"</c>, logs in over Telnet as it
/// would to a real PAN-OS firewall. With its default delays a connection running the whole sequence
/// takes about 31 s (measured), so the 20-connection run uses <c>fast_cli=True</c> (see <see cref="NetmikoSshTests"/>).
/// </summary>
[TestFixture]
public sealed class NetmikoTelnetTests
{
    private const string Script = """
        import sys
        from netmiko import ConnectHandler
        conn = ConnectHandler(device_type="paloalto_panos_telnet", host="127.0.0.1", port=int(sys.argv[1]),
                              username="admin", password="admin", timeout=20)
        print("PROMPT=" + conn.find_prompt())
        print("BEGIN")
        print(conn.send_command("show system info"))
        print("END")
        print("CLOCK=" + conn.send_command("show clock").strip())
        print("BAD=" + conn.send_command("show nonsense").strip())
        print("CONFIG=%r" % conn.config_mode())
        print("IN_CONFIG=%s" % conn.check_config_mode())
        print("EXIT=%r" % conn.exit_config_mode())
        print("IN_CONFIG=%s" % conn.check_config_mode())
        conn.disconnect()
        """;

    [Test]
    public async Task Netmiko242LogsInRunsShowSystemInfoAndEntersAndLeavesConfigMode()
    {
        DebianPython.Require("netmiko");
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 27, 18, 56, 14, TimeSpan.Zero));
        var device = DefaultDevice.Create(clock);
        // netmiko 2.4.2 never turns scripting mode on, so it needs the forgiving device (contract C13).
        device.Behavior = device.Behavior with { RepaintWords = false };
        var host = new TelnetHost(device, new IPEndPoint(IPAddress.Loopback, 0));
        host.Start();
        try
        {
            var port = host.LocalEndpoint.Port.ToString(CultureInfo.InvariantCulture);
            var (exit, output, error) = await PythonProcess.RunAsync(Script, [port], TimeSpan.FromMinutes(2));

            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(output, Does.Contain("PROMPT=admin@PA-VM>"));
            var body = output[(output.IndexOf("BEGIN\n", StringComparison.Ordinal) + 6)..output.IndexOf("\nEND\n", StringComparison.Ordinal)];
            Assert.That(body, Does.Contain("hostname: PA-VM\n"));
            Assert.That(body, Does.Contain("model: PA-VM\n"));
            Assert.That(body, Does.Contain("sw-version: 10.2.10\n"));
            Assert.That(body, Does.Contain("operational-mode: normal"));
            Assert.That(body, Does.Not.Contain("admin@PA-VM>"), "netmiko strips the prompt; an extra one means a stray repaint");
            Assert.That(output, Does.Contain("CLOCK=Fri Nov 27 18:56:14 UTC 2026\n"));
            Assert.That(output, Does.Contain("BAD=Invalid syntax.\n"));
            Assert.That(output, Does.Contain(@"CONFIG='configure\r\nEntering configuration mode\r\n[edit]\r\nadmin@PA-VM# '"));
            Assert.That(output, Does.Contain(@"EXIT='exit\r\nExiting configuration mode\r\nadmin@PA-VM> '"));
            Assert.That(output, Does.Contain("IN_CONFIG=True\nEXIT="), "check_config_mode sees `]` of `[edit]` after an empty Enter (C10)");
            Assert.That(output, Does.EndWith("IN_CONFIG=False\n"));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Test]
    public async Task Netmiko242TwentyConnectionsInOneProcess()
    {
        DebianPython.Require("netmiko");
        var device = DefaultDevice.Create(new ManualTimeProvider(new DateTimeOffset(2026, 11, 27, 18, 56, 14, TimeSpan.Zero)));
        device.Behavior = device.Behavior with { RepaintWords = false };
        var host = new TelnetHost(device, new IPEndPoint(IPAddress.Loopback, 0));
        host.Start();
        try
        {
            string[] arguments = ["paloalto_panos_telnet", host.LocalEndpoint.Port.ToString(CultureInfo.InvariantCulture), "20", "1", "fast", "commit"];

            var (exit, output, error) = await PythonProcess.RunAsync(NetmikoCycle.Script, arguments, TimeSpan.FromMinutes(4));

            Assert.That(exit, Is.EqualTo(0), error + output);
            TestContext.Out.WriteLine(output);
            Assert.That(output, Does.Contain("CONNECTIONS=20 CYCLES=20 FAILURES=0\n"), output);
            Assert.That(device.Jobs.All.Count(job => job.Type == "Commit"), Is.EqualTo(20), "one commit job per connection");
            for (var i = 0; i < 100 && device.Admins.Snapshot().Count > 0; i++)
            {
                await Task.Delay(50);
            }

            Assert.That(device.Admins.Snapshot(), Is.Empty, "every one of the 20 admin sessions ended");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
