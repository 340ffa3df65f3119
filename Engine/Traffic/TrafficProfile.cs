using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Engine.Traffic;

/// <summary>
/// What a <see cref="TrafficGenerator"/> makes: how many sessions open per minute, between which zones
/// and for which applications (<see cref="Flows"/>), and how they end (<see cref="EndCauses"/>).
/// <see cref="Default"/> is a small office behind a PA-VM.
/// </summary>
public sealed record TrafficProfile
{
    /// <summary>New sessions per minute, on average.</summary>
    public double SessionsPerMinute { get; init; } = 18;

    public IReadOnlyList<TrafficFlow> Flows { get; init; } = [];

    public IReadOnlyList<TrafficEndCause> EndCauses { get; init; } = [];

    /// <summary>
    /// How far behind the clock the generator simulates in detail. When the clock has moved further
    /// than this since the generator last ran (a host idle for hours, a test jumping days), the
    /// sessions it was driving are left to age out and it resumes this long before now, so catching
    /// up never costs more than this much traffic.
    /// </summary>
    public TimeSpan CatchUpLimit { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The seed of the generator's own random source; null draws one from the device's seeded <see cref="Device.Random"/>.</summary>
    public int? Seed { get; init; }

    /// <summary>
    /// Trust, untrust, dmz and VPN zones on a PA-VM: ethernet1/1 untrust (203.0.113.1, source NAT
    /// for trust to untrust), ethernet1/2 trust (10.1.0.1, clients 10.1.1.0/24 and 10.1.2.0/24),
    /// ethernet1/3 dmz (servers 192.168.50.0/24, the web server published as 203.0.113.10),
    /// tunnel.1 to a VPN site (10.20.0.0/23). Outside hosts are in the documentation ranges
    /// 198.51.100.0/24 and 203.0.113.0/24. About 18 sessions a minute; every tracker stage ends some.
    /// </summary>
    public static TrafficProfile Default { get; } = DefaultTrafficProfile.Create();

    /// <summary>Throws <see cref="ArgumentException"/> if the profile cannot generate what it says.</summary>
    public void Validate()
    {
        if (!(SessionsPerMinute > 0) || double.IsInfinity(SessionsPerMinute))
        {
            throw new ArgumentException("The session rate must be a positive number.", nameof(SessionsPerMinute));
        }

        if (CatchUpLimit <= TimeSpan.Zero)
        {
            throw new ArgumentException("The catch-up limit must be positive.", nameof(CatchUpLimit));
        }

        if (EndCauses.Count == 0 || EndCauses.Any(c => c.Weight < 0 || c.Stage == TrackerStage.None || !Enum.IsDefined(c.Stage)) || EndCauses.Sum(c => c.Weight) <= 0)
        {
            throw new ArgumentException("End causes need tracker stages and non-negative weights, some positive.", nameof(EndCauses));
        }

        foreach (var flow in Flows)
        {
            if (flow.Weight < 0 || flow.Applications.Count == 0 || flow.Applications.Any(a => a.Weight < 0) || flow.Applications.Sum(a => a.Weight) <= 0)
            {
                throw new ArgumentException($"Flow {flow.FromZone} to {flow.ToZone} ({flow.Rule}) needs a non-negative weight and applications with weights, some positive.", nameof(Flows));
            }

            foreach (var application in flow.Applications)
            {
                if (application.Protocol is < 0 or > 255 || application.Port is < 0 or > 65535
                    || !(application.MinLifetimeSeconds >= 0) || !(application.MaxLifetimeSeconds >= application.MinLifetimeSeconds)
                    || !(application.ExchangeSeconds > 0) || application.ClientPacketBytes <= 0 || application.ServerPacketBytes <= 0
                    || application.ServerPacketsPerExchange <= 0 || application.TimeoutSeconds is <= 0)
                {
                    throw new ArgumentException($"Application {application.Name} of rule {flow.Rule} has an impossible shape.", nameof(Flows));
                }
            }
        }

        foreach (var cause in EndCauses.Where(c => c.Weight > 0))
        {
            var kind = KindOf(cause.Stage);
            if (!Flows.Any(f => f.Weight > 0 && f.Kind == kind))
            {
                throw new ArgumentException($"No flow can end {SessionNames.Of(cause.Stage)}: it needs a{(kind == TrafficFlowKind.Denied ? " denying" : kind == TrafficFlowKind.ToFirewall ? " to-firewall" : "n allowed")} flow.", nameof(Flows));
            }
        }
    }

    /// <summary>The kind of flow that ends a session with <paramref name="stage"/>.</summary>
    internal static TrafficFlowKind KindOf(TrackerStage stage) => stage switch
    {
        TrackerStage.AppidPolicyLookupDeny => TrafficFlowKind.Denied,
        TrackerStage.HostService => TrafficFlowKind.ToFirewall,
        _ => TrafficFlowKind.Forward,
    };
}
