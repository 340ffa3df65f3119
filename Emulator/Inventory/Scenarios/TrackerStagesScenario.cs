using System.Net;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Engine.State;

namespace VirtualFirewall.Emulator.Inventory.Scenarios;

/// <summary>
/// One session per tracker stage (session-tracker KB), each opened at <see cref="Start"/> and brought
/// to its end by what happens to it, not by setting the stage: a DNS query that is never answered
/// ages out; the TCP sessions end by FIN or RST; a deny rule discards; threat detection, a resource
/// limit and a refused management service end the rest. Ids 101 to 108 in <see cref="Stages"/> order.
/// </summary>
public static class TrackerStagesScenario
{
    public const string Name = "tracker-stages";

    public static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Session 101 + index ends with the stage at that index.</summary>
    public static IReadOnlyList<TrackerStage> Stages { get; } =
    [
        TrackerStage.AgedOut,
        TrackerStage.TcpFin,
        TrackerStage.TcpRstClient,
        TrackerStage.TcpRstServer,
        TrackerStage.AppidPolicyLookupDeny,
        TrackerStage.MitigationTdb,
        TrackerStage.ResourceLimit,
        TrackerStage.HostService,
    ];

    public static Device Create(TimeProvider time, DeviceIdentity identity)
    {
        var device = new Device(identity, DefaultDevice.Users, time, DefaultDevice.Seed);
        device.Schedule.At(Start, Open);
        return device;
    }

    private static void Open(Device device)
    {
        var client = IPAddress.Parse("10.1.1.20");
        var web = IPAddress.Parse("203.0.113.80");
        var ending = Start.AddSeconds(45);

        // 101: a DNS query with no answer; UDP ages out after 30 s of silence.
        device.Sessions.Open(new SessionSpec(client, "trust", 53001, IPAddress.Parse("198.51.100.53"), "untrust", 53, 17)
        { Id = 101, Application = "dns", Rule = "allow-dns", Established = true, IngressInterface = "ethernet1/2", EgressInterface = "ethernet1/1" });

        foreach (var (id, stage, port) in new[] { (102u, TrackerStage.TcpFin, 50102), (103u, TrackerStage.TcpRstClient, 50103), (104u, TrackerStage.TcpRstServer, 50104), (106u, TrackerStage.MitigationTdb, 50106), (107u, TrackerStage.ResourceLimit, 50107) })
        {
            device.Sessions.Open(new SessionSpec(client, "trust", port, web, "untrust", 443, 6)
            { Id = id, Application = "ssl", Rule = "allow-web", Established = true, IngressInterface = "ethernet1/2", EgressInterface = "ethernet1/1" });
            device.Schedule.At(Start.AddSeconds(20), d => d.Sessions.RecordTraffic(id, 517, 4380, 3, 4));
            device.Schedule.At(ending, d => d.Sessions.End(id, stage));
        }

        // 105: a connection that a deny rule refuses goes straight to DISCARD.
        device.Schedule.At(Start.AddSeconds(30), d => d.Sessions.Open(new SessionSpec(client, "trust", 50105, IPAddress.Parse("203.0.113.66"), "untrust", 8080, 6)
        { Id = 105, Application = "web-browsing", Rule = "deny-high-ports", Action = RuleAction.Deny, IngressInterface = "ethernet1/2", EgressInterface = "ethernet1/1" }));

        // 108: SSH to the firewall's own untrust address, where the management profile refuses it.
        device.Sessions.Open(new SessionSpec(IPAddress.Parse("198.51.100.200"), "untrust", 50108, IPAddress.Parse("203.0.113.1"), "untrust", 22, 6)
        { Id = 108, Application = "ssh", Rule = "allow-inbound", Established = true, TerminatedOnHost = true, IngressInterface = "ethernet1/1", EgressInterface = "ethernet1/1" });
        device.Schedule.At(ending, d => d.Sessions.End(108, TrackerStage.HostService));
    }
}
