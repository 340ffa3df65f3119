using System.Net;

namespace VirtualFirewall.Engine.Sessions;

/// <summary>
/// What a caller gives <see cref="SessionTable.Open"/>: the client-to-server flow as the client sent
/// it, plus the translations that shape the server-to-client flow (which shows post-NAT addresses,
/// reference §3.1 sample A), the policy verdict and the properties `show session id` prints.
/// </summary>
public sealed record SessionSpec(
    IPAddress Source,
    string SourceZone,
    int SourcePort,
    IPAddress Destination,
    string DestinationZone,
    int DestinationPort,
    int Protocol)
{
    /// <summary>Source NAT: the address the server sees (the s2c flow's destination).</summary>
    public IPAddress? TranslatedSource { get; init; }

    public int? TranslatedSourcePort { get; init; }

    /// <summary>Destination NAT: the real server (the s2c flow's source).</summary>
    public IPAddress? TranslatedDestination { get; init; }

    public int? TranslatedDestinationPort { get; init; }
    public string? NatRule { get; init; }
    public string SourceUser { get; init; } = "unknown";
    public string DestinationUser { get; init; } = "unknown";

    /// <summary>Printed in the c2s flow only (reference §3.1 sample C).</summary>
    public string? PbfRule { get; init; }

    public SessionType Type { get; init; } = SessionType.Flow;
    public uint? ParentSession { get; init; }
    public string Application { get; init; } = "incomplete";
    public string Rule { get; init; } = string.Empty;

    /// <summary>A deny or drop puts the session straight into DISCARD (`appid policy lookup deny`).</summary>
    public RuleAction Action { get; init; } = RuleAction.Allow;

    public string Vsys { get; init; } = "vsys1";
    public string IngressInterface { get; init; } = "ethernet1/1";
    public string EgressInterface { get; init; } = "ethernet1/2";
    public string QosRule { get; init; } = "N/A (class 4)";
    public bool LogAtEnd { get; init; } = true;
    public bool TraversesTunnel { get; init; }
    public bool TerminateTunnel { get; init; }
    public bool TerminatedOnHost { get; init; }
    public bool CaptivePortal { get; init; }
    public bool ViaSynCookies { get; init; }
    public bool UrlFilteringEnabled { get; init; }
    public bool ServiceTimeoutOverride { get; init; }
    public bool UpdatedByHaPeer { get; init; }
    public bool Layer7Processing { get; init; } = true;

    /// <summary>The session id, or null for the table's next free id.</summary>
    public uint? Id { get; init; }

    /// <summary>
    /// False opens a TCP session in OPENING (its handshake not yet complete); other protocols open
    /// ACTIVE either way.
    /// </summary>
    public bool Established { get; init; }

    /// <summary>
    /// The timeout of the established session in seconds (an application or service override), or
    /// null for the protocol default. OPENING and DISCARD keep their own timeouts.
    /// </summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>
    /// When the session started, for sessions that predate the table (a device description); null
    /// for now. Idleness still counts from the moment the session is opened.
    /// </summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>`source`, `destination`, `source + destination`, or null, from the translated fields.</summary>
    public string? Translation
    {
        get
        {
            var source = TranslatedSource is not null || TranslatedSourcePort is not null;
            var destination = TranslatedDestination is not null || TranslatedDestinationPort is not null;
            return (source, destination) switch
            {
                (true, true) => "source + destination",
                (true, false) => "source",
                (false, true) => "destination",
                _ => null,
            };
        }
    }
}
