using System.Net;

namespace VirtualFirewall.Engine.Sessions;

/// <summary>
/// The criteria of `show session all filter ...` and `clear session all filter ...` (reference §3.2):
/// every non-null criterion must match. Addresses, ports and users are those of the c2s flow as the
/// client sent it; `to` is the s2c flow's zone. Names compare ordinally, as PAN-OS names are
/// case-sensitive.
/// </summary>
public sealed record SessionFilter
{
    public static SessionFilter All { get; } = new();

    public string? From { get; init; }
    public string? To { get; init; }
    public IPAddress? Source { get; init; }
    public IPAddress? Destination { get; init; }
    public int? SourcePort { get; init; }
    public int? DestinationPort { get; init; }
    public int? Protocol { get; init; }
    public string? Application { get; init; }
    public string? Rule { get; init; }
    public SessionState? State { get; init; }
    public SessionType? Type { get; init; }
    public string? SourceUser { get; init; }
    public string? DestinationUser { get; init; }
    public string? PbfRule { get; init; }
    public string? NatRule { get; init; }
    public string? IngressInterface { get; init; }
    public string? EgressInterface { get; init; }
    public string? Vsys { get; init; }

    /// <summary>`start-at`: only sessions whose id is at least this.</summary>
    public uint? StartAt { get; init; }

    public bool Matches(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var c2s = session.ClientToServer;
        return (StartAt is not { } start || session.Id >= start)
            && Same(From, c2s.SourceZone)
            && Same(To, session.ServerToClient.SourceZone)
            && (Source is null || Source.Equals(c2s.Source))
            && (Destination is null || Destination.Equals(c2s.Destination))
            && (SourcePort is not { } sport || sport == c2s.SourcePort)
            && (DestinationPort is not { } dport || dport == c2s.DestinationPort)
            && (Protocol is not { } protocol || protocol == c2s.Protocol)
            && Same(Application, session.Application)
            && Same(Rule, session.Rule)
            && (State is not { } state || state == session.State)
            && (Type is not { } type || type == session.Type)
            && Same(SourceUser, c2s.SourceUser)
            && Same(DestinationUser, c2s.DestinationUser)
            && Same(PbfRule, c2s.PbfRule)
            && Same(NatRule, session.NatRule)
            && Same(IngressInterface, session.IngressInterface)
            && Same(EgressInterface, session.EgressInterface)
            && Same(Vsys, session.Vsys);
    }

    private static bool Same(string? wanted, string? actual) => wanted is null || string.Equals(wanted, actual, StringComparison.Ordinal);
}
