namespace VirtualFirewall.Engine.Sessions;

/// <summary>The texts PAN-OS prints for session enums.</summary>
public static class SessionNames
{
    public static string Of(SessionState state) => state switch
    {
        SessionState.Init => "INIT",
        SessionState.Opening => "OPENING",
        SessionState.Active => "ACTIVE",
        SessionState.Discard => "DISCARD",
        SessionState.Closing => "CLOSING",
        _ => "CLOSED",
    };

    public static string Of(SessionType type) => type == SessionType.Flow ? "FLOW" : "PRED";

    /// <summary>Session-tracker KB wording; the KB's `TCP RST – client` en dash is a web-page artefact, the CLI prints a hyphen.</summary>
    public static string Of(TrackerStage stage) => stage switch
    {
        TrackerStage.AgedOut => "Aged out",
        TrackerStage.TcpFin => "TCP FIN",
        TrackerStage.TcpRstClient => "TCP RST - client",
        TrackerStage.TcpRstServer => "TCP RST - server",
        TrackerStage.AppidPolicyLookupDeny => "appid policy lookup deny",
        TrackerStage.MitigationTdb => "mitigation tdb",
        TrackerStage.ResourceLimit => "resource limit",
        TrackerStage.HostService => "host service",
        _ => string.Empty,
    };

    public static string Of(EndReason reason) => reason switch
    {
        EndReason.AgedOut => "aged-out",
        EndReason.TcpFin => "tcp-fin",
        EndReason.TcpRstFromClient => "tcp-rst-from-client",
        EndReason.TcpRstFromServer => "tcp-rst-from-server",
        EndReason.PolicyDeny => "policy-deny",
        EndReason.Threat => "threat",
        EndReason.ResourcesUnavailable => "resources-unavailable",
        EndReason.TcpReuse => "tcp-reuse",
        EndReason.Decoder => "decoder",
        EndReason.NotApplicable => "n/a",
        _ => "unknown",
    };

    /// <summary>The end reason that goes with a tracker stage.</summary>
    public static EndReason EndReasonOf(TrackerStage stage) => stage switch
    {
        TrackerStage.AgedOut => EndReason.AgedOut,
        TrackerStage.TcpFin => EndReason.TcpFin,
        TrackerStage.TcpRstClient => EndReason.TcpRstFromClient,
        TrackerStage.TcpRstServer => EndReason.TcpRstFromServer,
        TrackerStage.AppidPolicyLookupDeny => EndReason.PolicyDeny,
        TrackerStage.MitigationTdb => EndReason.Threat,
        TrackerStage.ResourceLimit => EndReason.ResourcesUnavailable,
        _ => EndReason.Unknown,
    };
}
