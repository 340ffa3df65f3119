namespace VirtualFirewall.Engine.Sessions;

/// <summary>The traffic log's session end reason (`end-reason` in newer `show session id`), reference §3.5.</summary>
public enum EndReason : byte
{
    Unknown,
    AgedOut,
    TcpFin,
    TcpRstFromClient,
    TcpRstFromServer,
    PolicyDeny,
    Threat,
    ResourcesUnavailable,
    TcpReuse,
    Decoder,
    NotApplicable,
}
