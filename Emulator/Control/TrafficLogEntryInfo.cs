namespace VirtualFirewall.Emulator.Control;

/// <summary>A traffic-log entry, the fields <c>show log traffic</c> prints; sent is client to server, received server to client.</summary>
public sealed record TrafficLogEntryInfo
{
    /// <summary>ISO 8601 in UTC.</summary>
    public required string ReceiveTime { get; init; }

    public required uint SessionId { get; init; }

    public required string Application { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public required string Source { get; init; }

    public required int SourcePort { get; init; }

    public required string Destination { get; init; }

    public required int DestinationPort { get; init; }

    public string? NatSource { get; init; }

    public int? NatSourcePort { get; init; }

    public string? NatDestination { get; init; }

    public int? NatDestinationPort { get; init; }

    public required int Protocol { get; init; }

    public required string Rule { get; init; }

    /// <summary><c>allow</c>, <c>deny</c> or <c>drop</c>.</summary>
    public required string Action { get; init; }

    public required long Bytes { get; init; }

    public required long BytesSent { get; init; }

    public required long BytesReceived { get; init; }

    public required long Packets { get; init; }

    public required long PacketsSent { get; init; }

    public required long PacketsReceived { get; init; }

    /// <summary>As <c>tracker stage firewall</c> prints it; null for a cleared session.</summary>
    public string? TrackerStage { get; init; }

    /// <summary>As the log's <c>session end reason</c> prints it (<c>tcp-rst-from-server</c>).</summary>
    public required string EndReason { get; init; }

    /// <summary>ISO 8601 in UTC.</summary>
    public required string StartTime { get; init; }

    /// <summary>Whole seconds from start to end.</summary>
    public required long Elapsed { get; init; }

    public required string SourceUser { get; init; }

    public required string DestinationUser { get; init; }

    public required string Vsys { get; init; }
}
