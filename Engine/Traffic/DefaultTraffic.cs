using System.Net;
using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Engine.Traffic;

/// <summary>
/// The starting state of the embedded default device: an hour of <see cref="TrafficProfile.Default"/>
/// traffic already behind it, so that its session table holds dozens of sessions in varied states and
/// its traffic log a history in which every tracker stage appears; and the generator that keeps both
/// alive from then on.
/// </summary>
public static class DefaultTraffic
{
    /// <summary>How much traffic the device has seen when it starts.</summary>
    public static TimeSpan History { get; } = TimeSpan.FromHours(1);

    /// <summary>The stages the seeded history is sure to hold, one session each, whatever the random draws.</summary>
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

    /// <summary>
    /// Seeds a new device: runs the default generator over the <see cref="History"/> before the
    /// device's now (sessions start, carry traffic and end at their times in that hour, the ended ones
    /// in the traffic log), with one session ending with each tracker stage in its first half; adds what
    /// a live table shows at any moment (handshakes in progress, scans discarded by `deny-untrust`, an
    /// FTP control session with the predict session of its next transfer); and leaves the generator
    /// running. Deterministic: every choice comes from the device's seed and every time from its clock.
    /// Call it once, on a device nobody uses yet, before it catches up with its clock for the first time.
    /// </summary>
    public static TrafficGenerator Seed(Device device) => Seed(device, TrafficProfile.Default);

    /// <summary>As <see cref="Seed(Device)"/>, with another profile (the default's flows at another rate, say).</summary>
    /// <param name="device">A new device.</param>
    /// <param name="profile">The generator's profile; its flows must be able to end every stage of <see cref="Stages"/>.</param>
    /// <returns>The running generator.</returns>
    public static TrafficGenerator Seed(Device device, TrafficProfile profile)
    {
        ArgumentNullException.ThrowIfNull(device);
        var now = device.Clock.UtcNow;
        var from = now - History;
        var generator = TrafficGenerator.Start(device, profile, from);
        for (var i = 0; i < Stages.Count; i++)
        {
            generator.Inject(from + TimeSpan.FromMinutes(2 + (3 * i)), Stages[i]);
        }

        InFlight(device, now);
        device.CatchUp();
        return generator;
    }

    /// <summary>Sessions caught in the states a generated table rarely holds at a given instant.</summary>
    private static void InFlight(Device device, DateTimeOffset now)
    {
        // SYNs that are not answered yet: OPENING until the handshake timeout (10 s).
        (string Client, int Port, string Server, int Delay)[] handshakes =
        [
            ("10.1.1.37", 51514, "198.51.100.77", 7),
            ("10.1.2.112", 62041, "203.0.113.140", 4),
            ("10.1.1.205", 55873, "198.51.100.191", 2),
        ];
        foreach (var (client, port, server, delay) in handshakes)
        {
            device.Schedule.At(now.AddSeconds(-delay), d =>
            {
                var session = d.Sessions.Open(new SessionSpec(Ip(client), DefaultTrafficProfile.Trust, port, Ip(server), DefaultTrafficProfile.Untrust, 443, SessionTimeouts.TcpProtocol)
                {
                    Application = "incomplete",
                    Rule = "allow-trust-to-untrust",
                    TranslatedSource = DefaultTrafficProfile.UntrustAddress,
                    TranslatedSourcePort = 20_000 + port % 40_000,
                    NatRule = DefaultTrafficProfile.OutboundNatRule,
                    IngressInterface = "ethernet1/2",
                    EgressInterface = "ethernet1/1",
                });
                d.Sessions.RecordTraffic(session.Id, 74, 0, 1, 0);
            });
        }

        // Scans of the published web server on management ports: DISCARD for the discard timeout (90 s).
        (string Scanner, int Port, int DestinationPort, int Delay)[] scans =
        [
            ("198.51.100.213", 43312, 3389, 71),
            ("203.0.113.77", 58120, 22, 38),
            ("198.51.100.46", 61007, 445, 12),
        ];
        foreach (var (scanner, port, destinationPort, delay) in scans)
        {
            device.Schedule.At(now.AddSeconds(-delay), d =>
            {
                var session = d.Sessions.Open(new SessionSpec(Ip(scanner), DefaultTrafficProfile.Untrust, port, DefaultTrafficProfile.DmzWebPublic, DefaultTrafficProfile.Dmz, destinationPort, SessionTimeouts.TcpProtocol)
                {
                    Application = "not-applicable",
                    Rule = "deny-untrust",
                    Action = RuleAction.Deny,
                    TranslatedDestination = DefaultTrafficProfile.DmzWebServer,
                    NatRule = DefaultTrafficProfile.DmzNatRule,
                    IngressInterface = "ethernet1/1",
                    EgressInterface = "ethernet1/3",
                });
                d.Sessions.RecordTraffic(session.Id, 74, 0, 1, 0);
            });
        }

        // Passive FTP: the control session (logged in four minutes ago) has just announced a data port.
        device.Schedule.At(now.AddMinutes(-4), d =>
        {
            var control = d.Sessions.Open(new SessionSpec(Ip("10.1.2.58"), DefaultTrafficProfile.Trust, 50621, Ip("198.51.100.21"), DefaultTrafficProfile.Untrust, 21, SessionTimeouts.TcpProtocol)
            {
                Application = "ftp",
                Rule = "allow-trust-to-untrust",
                TranslatedSource = DefaultTrafficProfile.UntrustAddress,
                TranslatedSourcePort = 31_877,
                NatRule = DefaultTrafficProfile.OutboundNatRule,
                IngressInterface = "ethernet1/2",
                EgressInterface = "ethernet1/1",
                Established = true,
            });
            d.Sessions.RecordTraffic(control.Id, 412, 958, 7, 8);
            d.Schedule.At(now.AddSeconds(-9), later =>
            {
                later.Sessions.RecordTraffic(control.Id, 88, 152, 2, 2);
                later.Sessions.Open(new SessionSpec(Ip("10.1.2.58"), DefaultTrafficProfile.Trust, 0, Ip("198.51.100.21"), DefaultTrafficProfile.Untrust, 50_112, SessionTimeouts.TcpProtocol)
                {
                    Type = SessionType.Predict,
                    ParentSession = control.Id,
                    Application = "ftp-data",
                    Rule = string.Empty,
                    LogAtEnd = false,
                    TimeoutSeconds = 60,
                    TranslatedSource = DefaultTrafficProfile.UntrustAddress,
                    NatRule = DefaultTrafficProfile.OutboundNatRule,
                    IngressInterface = "ethernet1/2",
                    EgressInterface = "ethernet1/1",
                });
            });
        });
    }

    private static IPAddress Ip(string text) => IPAddress.Parse(text);
}
