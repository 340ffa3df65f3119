using System.Net;
using Renci.SshNet;
using VirtualFirewall.Emulator.Hosting;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Emulator.Inventory.Description;
using VirtualFirewall.Emulator.Recording;
using VirtualFirewall.Emulator.Recording.Recorder;
using VirtualFirewall.Ssh;
using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Inventory;

/// <summary>Many devices in one process (`--devices`), each on its own port with its own hostname.</summary>
[TestFixture]
public sealed class FleetTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Two_hundred_devices_in_one_process_each_answer_over_ssh_with_their_hostname_in_the_prompt()
    {
        var description = DefaultDevice.Description with { Clock = new ClockDescription { Mode = "fixed", Start = Start } };
        var plan = InventoryPlan.Create(200, 0, "PA-VM", sshBasePort: 0 + 1, telnetBasePort: null);
        var hosted = plan.Select(p => new HostedDevice(p.Hostname, description with { Identity = description.Identity with { Hostname = p.Hostname } }, TimeProvider.System) { SshPort = 0 }).ToArray();
        await using var fleet = await FleetHost.StartAsync(hosted, IPAddress.Loopback, new SshServerOptions { HostKeys = SshTestServer.HostKeys });
        Assert.That(fleet.Ssh, Has.Count.EqualTo(200));
        Assert.That(hosted.Select(d => d.SshPort).Distinct().Count(), Is.EqualTo(200));

        var prompts = new string[hosted.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, hosted.Length), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            await Task.Yield();
            using var client = new SshClient(new ConnectionInfo("127.0.0.1", hosted[i].SshPort!.Value, "admin", new PasswordAuthenticationMethod("admin", "admin")));
            client.Connect();
            using var shell = client.CreateShellStream("xterm", 80, 24, 0, 0, 4096);
            var expected = $"admin@{plan[i].Hostname}> ";
            prompts[i] = shell.Expect(expected, TimeSpan.FromSeconds(20)) is { } text && text.EndsWith(expected, StringComparison.Ordinal) ? expected : "no prompt";
            client.Disconnect();
        });

        Assert.That(prompts, Is.EqualTo(plan.Select(p => $"admin@{p.Hostname}> ")));
        Assert.That(plan[0].Hostname, Is.EqualTo("PA-VM-001"));
        Assert.That(plan[199].Hostname, Is.EqualTo("PA-VM-200"));
    }

    [Test]
    public async Task A_session_on_a_fleet_device_from_a_description_file_is_recorded_and_replays()
    {
        var folder = Directory.CreateTempSubdirectory("vf-fleet-");
        try
        {
            var file = Path.Combine(folder.FullName, "lab.yaml");
            await File.WriteAllTextAsync(file, "identity:\n  hostname: lab\nclock:\n  mode: fixed\n  start: 2026-11-27T09:00:00Z\n  uptime: 2h\n");
            var description = DeviceDescriptionReader.ReadFile(file);
            var records = Path.Combine(folder.FullName, "records");
            var hosted = InventoryPlan.Create(2, 0, "lab", 1, null)
                .Select(p => new HostedDevice(p.Hostname, description with { Identity = description.Identity with { Hostname = p.Hostname } }, TimeProvider.System) { SshPort = 0 })
                .ToArray();
            await using (var fleet = await FleetHost.StartAsync(hosted, IPAddress.Loopback, new SshServerOptions { HostKeys = SshTestServer.HostKeys }, (device, options) => options with { Recording = new TranscriptRecorderOptions(records) { DeviceName = file } }))
            {
                using var client = new SshClient(new ConnectionInfo("127.0.0.1", hosted[1].SshPort!.Value, "admin", new PasswordAuthenticationMethod("admin", "admin")));
                client.Connect();
                using var shell = client.CreateShellStream("xterm", 80, 24, 0, 0, 4096);
                shell.Expect("admin@lab-002> ", TimeSpan.FromSeconds(20));
                shell.Write("set cli pager off\r");
                shell.Expect("\nadmin@lab-002> ", TimeSpan.FromSeconds(20));
                shell.Write("show system info\r");
                Assert.That(shell.Expect("\nadmin@lab-002> ", TimeSpan.FromSeconds(20)), Does.Contain("hostname: lab-002").And.Contain("uptime: 0 days, 2:00:00"));
                shell.Write("exit\r");
                for (var i = 0; i < 100 && (!Directory.Exists(records) || Directory.GetFiles(records, "*.txt").Length == 0); i++)
                {
                    await Task.Delay(50);
                }
            }

            var recorded = Directory.GetFiles(records, "*.txt");
            Assert.That(recorded, Has.Length.EqualTo(1));
            var text = await File.ReadAllTextAsync(recorded[0]);
            Assert.That(text, Does.Contain($"device: {file}\nhostname: lab-002\n"));
            var report = new StringWriter();
            Assert.That(TranscriptChecker.Check(recorded, report), Is.Zero, report.ToString() + text);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Each_device_refuses_connections_beyond_its_limit()
    {
        var description = DefaultDevice.Description with { Clock = new ClockDescription { Mode = "fixed", Start = Start }, Traffic = new TrafficDescription { Profile = "none" } };
        var hosted = new[] { new HostedDevice("PA-VM", description, TimeProvider.System) { SshPort = 0, TelnetPort = 0 } };
        await using var fleet = await FleetHost.StartAsync(hosted, IPAddress.Loopback, new SshServerOptions { HostKeys = SshTestServer.HostKeys }, maxConnections: 2);
        using var first = new SshClient(new ConnectionInfo("127.0.0.1", hosted[0].SshPort!.Value, "admin", new PasswordAuthenticationMethod("admin", "admin")));
        using var second = new SshClient(new ConnectionInfo("127.0.0.1", hosted[0].SshPort!.Value, "admin", new PasswordAuthenticationMethod("admin", "admin")));
        first.Connect();
        second.Connect();

        using var third = new SshClient(new ConnectionInfo("127.0.0.1", hosted[0].SshPort!.Value, "admin", new PasswordAuthenticationMethod("admin", "admin")) { Timeout = TimeSpan.FromSeconds(10) });
        Assert.That(third.Connect, Throws.InstanceOf<Exception>());

        first.Disconnect();
        for (var i = 0; i < 100 && fleet.Ssh[0].ActiveConnections >= 2; i++)
        {
            await Task.Delay(50);
        }

        using var fourth = new SshClient(new ConnectionInfo("127.0.0.1", hosted[0].SshPort!.Value, "admin", new PasswordAuthenticationMethod("admin", "admin")));
        fourth.Connect();
        Assert.That(fourth.RunCommand("show clock").Result, Does.Contain("2026"));
        Assert.That(fleet.Telnet[0].LocalEndpoint.Port, Is.EqualTo(hosted[0].TelnetPort));
    }
}
