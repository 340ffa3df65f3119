namespace VirtualFirewall.Engine.Sessions;

/// <summary>
/// Why the firewall ended a session, as `tracker stage firewall` prints it (session-tracker KB).
/// <see cref="None"/> while the session lives.
/// </summary>
public enum TrackerStage : byte
{
    None,
    AgedOut,
    TcpFin,
    TcpRstClient,
    TcpRstServer,
    AppidPolicyLookupDeny,
    MitigationTdb,
    ResourceLimit,
    HostService,
}
