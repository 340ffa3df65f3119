using System.Globalization;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Interop;

/// <summary>
/// Automation changing policy the way it does on a real firewall: netmiko 2.4.2 `send_config_set` and
/// `commit()` add a deny rule at the top, `show running security-policy` shows it, and the traffic it
/// matches is denied from then on (tracker stage `appid policy lookup deny`).
/// </summary>
[TestFixture]
public sealed class NetmikoConfigSetTests
{
    private const string Script = """
        import sys
        from netmiko import ConnectHandler
        conn = ConnectHandler(device_type="paloalto_panos", host="127.0.0.1", port=int(sys.argv[1]),
                              username="admin", password="admin", timeout=20, fast_cli=True)
        sent = conn.send_config_set([
            "set rulebase security rules block-ssh from trust to untrust source any destination any application ssh service any action deny log-end yes",
            "move rulebase security rules block-ssh top",
        ])
        print("CONFIG_ERRORS=%s" % ("Invalid syntax" in sent or "Unknown command" in sent))
        committed = conn.commit()
        print("COMMITTED=%s" % ("configuration committed successfully" in committed.lower()))
        conn.exit_config_mode()
        policy = conn.send_command("show running security-policy")
        print("POLICY_HAS_RULE=%s" % ("block-ssh" in policy))
        print("POLICY_RULE_FIRST=%s" % (policy.find("block-ssh") < policy.find("allow-dns")))
        conn.disconnect()
        """;

    [Test]
    public async Task A_rule_committed_by_netmiko_denies_the_traffic_it_matches()
    {
        DebianPython.Require("netmiko");
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 27, 18, 56, 14, TimeSpan.Zero));
        var device = DefaultDevice.Create(clock);
        device.Behavior = device.Behavior with { RepaintWords = false };
        await using var server = SshTestServer.Start(device: device);

        var (exit, output, error) = await PythonProcess.RunAsync(Script, [server.Port.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromMinutes(2));

        Assert.That(exit, Is.EqualTo(0), error + output);
        Assert.That(output, Does.Contain("CONFIG_ERRORS=False\n").And.Contain("COMMITTED=True\n"), output);
        Assert.That(output, Does.Contain("POLICY_HAS_RULE=True\n").And.Contain("POLICY_RULE_FIRST=True\n"), output);

        var committedAt = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromHours(1));
        device.CatchUp();
        var denied = device.TrafficLog.OldestFirst().Where(e => e.StartTime > committedAt && e.Rule == "block-ssh").ToList();
        var sshAllowedLater = device.TrafficLog.OldestFirst().Where(e => e.StartTime > committedAt && e.Application == "ssh" && e.FromZone == "trust" && e.ToZone == "untrust" && e.Rule != "block-ssh");

        Assert.That(denied, Is.Not.Empty, "ssh from trust to untrust started after the commit");
        Assert.That(denied.Select(e => e.TrackerStage).Distinct(), Is.EqualTo(new[] { TrackerStage.AppidPolicyLookupDeny }));
        Assert.That(sshAllowedLater, Is.Empty);
    }
}
