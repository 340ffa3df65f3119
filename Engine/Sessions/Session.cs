namespace VirtualFirewall.Engine.Sessions;

/// <summary>
/// One firewall session: the fields `show session id` prints (reference §3.1, sample A and the
/// session-tracker KB example). The table owns every change; readers get it under the device lock.
/// </summary>
public sealed class Session
{
    public required uint Id { get; init; }
    public required SessionFlow ClientToServer { get; set; }
    public required SessionFlow ServerToClient { get; set; }
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>Seconds of idleness after which the session ages out.</summary>
    public required int TimeoutSeconds { get; set; }

    /// <summary>When traffic last moved the session; its time to live counts from here.</summary>
    public DateTimeOffset LastActivity { get; set; }

    public long BytesClientToServer { get; set; }
    public long BytesServerToClient { get; set; }
    public long Layer7PacketsClientToServer { get; set; }
    public long Layer7PacketsServerToClient { get; set; }
    public string Vsys { get; init; } = "vsys1";
    public string Application { get; set; } = "incomplete";
    public string Rule { get; set; } = string.Empty;
    public bool ServiceTimeoutOverride { get; init; }
    public bool LogAtEnd { get; init; } = true;
    public bool InAger { get; set; }
    public bool UpdatedByHaPeer { get; init; }

    /// <summary>`source`, `destination`, `source + destination`, or null without NAT.</summary>
    public string? Translation { get; init; }

    public string? NatRule { get; init; }
    public bool Layer7Processing { get; init; } = true;
    public bool UrlFilteringEnabled { get; init; }
    public bool ViaSynCookies { get; init; }
    public bool TerminatedOnHost { get; init; }
    public bool TraversesTunnel { get; init; }
    public bool TerminateTunnel { get; init; }
    public bool CaptivePortal { get; init; }
    public string IngressInterface { get; init; } = "ethernet1/1";
    public string EgressInterface { get; init; } = "ethernet1/2";
    public string QosRule { get; init; } = "N/A (class 4)";

    /// <summary>For a predict session: the session whose traffic predicted it.</summary>
    public uint? ParentSession { get; init; }

    public TrackerStage TrackerStage { get; set; }
    public EndReason EndReason { get; set; }

    /// <summary>When the session ended (left ACTIVE for DISCARD, CLOSING or CLOSED), or null.</summary>
    public DateTimeOffset? EndTime { get; set; }

    public SessionState State => ClientToServer.State;
    public SessionType Type => ClientToServer.Type;
    public int Protocol => ClientToServer.Protocol;

    /// <summary>`NS`, `ND`, `NB` or empty, as `show session all` flags NAT (reference §3.2).</summary>
    public string Flag => Translation switch
    {
        "source" => "NS",
        "destination" => "ND",
        "source + destination" => "NB",
        _ => string.Empty,
    };
}
