using System.Net;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Engine.State;

namespace VirtualFirewall.Emulator.Inventory.Scenarios;

/// <summary>
/// The example of the Palo Alto knowledge-base article on the session tracker (reference
/// session-tracker-kb.txt): session 4632 from trust to VPN (192.168.210.103:4475 to 198.172.88.58:80,
/// as the article's un-collapsed rendering shows), pbf rule `wt-VPNTest 1`, ethernet1/6 to tunnel.179,
/// 30 s timeout, started Mon Sep  9 16:39:06 2013, carrying traffic until it ends with TCP FIN with
/// 1063/1461 bytes and 12/10 layer-7 packets; and the three sessions behind the article's traffic log
/// listing (TCP FIN at 16:44:01, Aged out at 16:44:00, TCP RST - client at 16:40:25).
/// </summary>
public static class SessionTrackerKbScenario
{
    public const string Name = "session-tracker-kb";

    public static readonly DateTimeOffset Start = new(2013, 9, 9, 16, 39, 6, TimeSpan.Zero);

    public static Device Create(TimeProvider time, DeviceIdentity identity)
    {
        var device = new Device(identity, DefaultDevice.Users, time, DefaultDevice.Seed);
        device.Schedule.At(Start, Open4632);
        device.Schedule.At(new DateTimeOffset(2013, 9, 9, 16, 39, 50, TimeSpan.Zero), OpenLogged);
        return device;
    }

    private static void Open4632(Device device)
    {
        var session = device.Sessions.Open(
            new SessionSpec(IPAddress.Parse("192.168.210.103"), "trust", 4475, IPAddress.Parse("198.172.88.58"), "VPN", 80, 6)
            {
                Id = 4632,
                PbfRule = "wt-VPNTest 1",
                Application = "web-browsing",
                Rule = "TCP-logging",
                IngressInterface = "ethernet1/6",
                EgressInterface = "tunnel.179",
                TraversesTunnel = true,
                LogAtEnd = false,
                Established = true,
                TimeoutSeconds = 30,
                StartTime = Start,
            });

        // Traffic every 20 s keeps it from ageing out (30 s timeout) until the FIN at 16:44:01.
        long[] c2s = [120, 95, 80, 60, 80, 78, 70, 90, 60, 70, 90, 20, 80, 70, 0];
        long[] s2c = [140, 120, 110, 90, 100, 96, 80, 120, 100, 90, 110, 120, 90, 95, 0];
        for (var i = 0; i < c2s.Length - 1; i++)
        {
            var bytesUp = c2s[i];
            var bytesDown = s2c[i];
            var packetsUp = i < 12 ? 1 : 0;
            var packetsDown = i < 10 ? 1 : 0;
            device.Schedule.At(Start.AddSeconds(20 * (i + 1)), d => d.Sessions.RecordTraffic(session.Id, bytesUp, bytesDown, packetsUp, packetsDown));
        }

        device.Schedule.At(new DateTimeOffset(2013, 9, 9, 16, 44, 1, TimeSpan.Zero), d => d.Sessions.End(session.Id, TrackerStage.TcpFin));
    }

    /// <summary>The three sessions of the article's `show log traffic ... show-tracker equal yes` listing.</summary>
    private static void OpenLogged(Device device)
    {
        var flash = device.Sessions.Open(
            new SessionSpec(IPAddress.Parse("192.168.210.103"), "trust", 4433, IPAddress.Parse("198.172.88.60"), "VPN", 80, 6)
            { Application = "flash", Rule = "TCP-logging", Established = true, IngressInterface = "ethernet1/6", EgressInterface = "tunnel.179", TraversesTunnel = true });
        var msUpdate = device.Sessions.Open(
            new SessionSpec(IPAddress.Parse("192.168.210.104"), "trust", 4402, IPAddress.Parse("198.172.88.61"), "VPN", 80, 6)
            { Application = "ms-update", Rule = "TCP-logging", Established = true, IngressInterface = "ethernet1/6", EgressInterface = "tunnel.179", TraversesTunnel = true });

        device.Schedule.At(new DateTimeOffset(2013, 9, 9, 16, 40, 25, TimeSpan.Zero), d => d.Sessions.End(msUpdate.Id, TrackerStage.TcpRstClient));
        // Opened with a 30 s timeout and never answered: it ages out at 16:44:00.
        device.Schedule.At(new DateTimeOffset(2013, 9, 9, 16, 43, 30, TimeSpan.Zero), d => d.Sessions.Open(
            new SessionSpec(IPAddress.Parse("203.0.113.45"), "untrust", 52405, IPAddress.Parse("203.0.113.10"), "untrust", 135, 6)
            { Application = "incomplete", Rule = "allow-any", Established = true, TimeoutSeconds = 30, IngressInterface = "ethernet1/1", EgressInterface = "ethernet1/1" }));
        device.Schedule.At(new DateTimeOffset(2013, 9, 9, 16, 43, 45, TimeSpan.Zero), d => d.Sessions.RecordTraffic(flash.Id, 512, 2048, 2, 3));
        device.Schedule.At(new DateTimeOffset(2013, 9, 9, 16, 44, 1, TimeSpan.Zero), d => d.Sessions.End(flash.Id, TrackerStage.TcpFin));
    }
}
