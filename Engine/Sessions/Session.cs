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
    // Instants are kept as UTC ticks: a million sessions are 16 MB lighter per field than with DateTimeOffset.
    private long _startTicks;
    private long _lastActivityTicks;
    private long _endTicks = -1;
    private SessionFlags _flags = SessionFlags.LogAtEnd | SessionFlags.Layer7Processing;

    public required DateTimeOffset StartTime { get => Utc(_startTicks); init => _startTicks = value.UtcTicks; }

    /// <summary>Seconds of idleness after which the session ages out.</summary>
    public required int TimeoutSeconds { get; set; }

    /// <summary>When traffic last moved the session; its time to live counts from here.</summary>
    public DateTimeOffset LastActivity { get => Utc(_lastActivityTicks); set => _lastActivityTicks = value.UtcTicks; }

    public long BytesClientToServer { get; set; }
    public long BytesServerToClient { get; set; }
    public long Layer7PacketsClientToServer { get; set; }
    public long Layer7PacketsServerToClient { get; set; }
    public string Vsys { get; init; } = "vsys1";
    public string Application { get; set; } = "incomplete";
    public string Rule { get; set; } = string.Empty;
    public bool ServiceTimeoutOverride { get => Has(SessionFlags.ServiceTimeoutOverride); init => Set(SessionFlags.ServiceTimeoutOverride, value); }
    public bool LogAtEnd { get => Has(SessionFlags.LogAtEnd); init => Set(SessionFlags.LogAtEnd, value); }
    public bool InAger { get => Has(SessionFlags.InAger); set => Set(SessionFlags.InAger, value); }
    public bool UpdatedByHaPeer { get => Has(SessionFlags.UpdatedByHaPeer); init => Set(SessionFlags.UpdatedByHaPeer, value); }

    /// <summary>`source`, `destination`, `source + destination`, or null without NAT.</summary>
    public string? Translation { get; init; }

    public string? NatRule { get; init; }
    public bool Layer7Processing { get => Has(SessionFlags.Layer7Processing); init => Set(SessionFlags.Layer7Processing, value); }
    public bool UrlFilteringEnabled { get => Has(SessionFlags.UrlFilteringEnabled); init => Set(SessionFlags.UrlFilteringEnabled, value); }
    public bool ViaSynCookies { get => Has(SessionFlags.ViaSynCookies); init => Set(SessionFlags.ViaSynCookies, value); }
    public bool TerminatedOnHost { get => Has(SessionFlags.TerminatedOnHost); init => Set(SessionFlags.TerminatedOnHost, value); }
    public bool TraversesTunnel { get => Has(SessionFlags.TraversesTunnel); init => Set(SessionFlags.TraversesTunnel, value); }
    public bool TerminateTunnel { get => Has(SessionFlags.TerminateTunnel); init => Set(SessionFlags.TerminateTunnel, value); }
    public bool CaptivePortal { get => Has(SessionFlags.CaptivePortal); init => Set(SessionFlags.CaptivePortal, value); }
    public string IngressInterface { get; init; } = "ethernet1/1";
    public string EgressInterface { get; init; } = "ethernet1/2";
    public string QosRule { get; init; } = "N/A (class 4)";

    /// <summary>For a predict session: the session whose traffic predicted it.</summary>
    public uint? ParentSession { get; init; }

    public TrackerStage TrackerStage { get; set; }
    public EndReason EndReason { get; set; }

    /// <summary>When the session ended (left ACTIVE for DISCARD, CLOSING or CLOSED), or null.</summary>
    public DateTimeOffset? EndTime { get => _endTicks < 0 ? null : Utc(_endTicks); set => _endTicks = value?.UtcTicks ?? -1; }

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

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);

    private bool Has(SessionFlags flag) => (_flags & flag) != 0;

    private void Set(SessionFlags flag, bool value) => _flags = value ? _flags | flag : _flags & ~flag;
}
