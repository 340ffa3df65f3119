using System.Text.Json.Serialization;

namespace VirtualFirewall.Emulator.Control;

/// <summary>A live or recently ended session, with the fields <c>show session id</c> prints, named as in a device description.</summary>
public sealed record SessionInfo
{
    public required uint Id { get; init; }

    /// <summary><c>OPENING</c>, <c>ACTIVE</c>, <c>DISCARD</c>, <c>CLOSING</c>, or <c>INIT</c> once freed.</summary>
    public required string State { get; init; }

    /// <summary><c>FLOW</c> or <c>PRED</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Whether the session is still in the table (in the session ager).</summary>
    public required bool Live { get; init; }

    public required string Application { get; init; }

    public required string Rule { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public required string Source { get; init; }

    public required int SourcePort { get; init; }

    public required string Destination { get; init; }

    public required int DestinationPort { get; init; }

    /// <summary>The IP protocol number (6 TCP, 17 UDP, 1 ICMP).</summary>
    public required int Protocol { get; init; }

    public string? NatSource { get; init; }

    public int? NatSourcePort { get; init; }

    public string? NatDestination { get; init; }

    public int? NatDestinationPort { get; init; }

    public string? NatRule { get; init; }

    public required string SourceUser { get; init; }

    public required string DestinationUser { get; init; }

    public required string Vsys { get; init; }

    /// <summary>ISO 8601 in UTC.</summary>
    public required string StartTime { get; init; }

    /// <summary>The timeout in seconds, as <c>show session id</c> prints it.</summary>
    public required int Timeout { get; init; }

    /// <summary>Seconds until a live session leaves its state; null once freed.</summary>
    public long? TimeToLive { get; init; }

    [JsonPropertyName("bytes-c2s")]
    public required long BytesC2S { get; init; }

    [JsonPropertyName("bytes-s2c")]
    public required long BytesS2C { get; init; }

    [JsonPropertyName("packets-c2s")]
    public required long PacketsC2S { get; init; }

    [JsonPropertyName("packets-s2c")]
    public required long PacketsS2C { get; init; }

    public required bool LogAtEnd { get; init; }

    public required string IngressInterface { get; init; }

    public required string EgressInterface { get; init; }

    /// <summary>As <c>tracker stage firewall</c> prints it (<c>TCP RST - server</c>); null while the session lives or when it was cleared.</summary>
    public string? TrackerStage { get; init; }

    /// <summary>As <c>end-reason</c> prints it (<c>tcp-rst-from-server</c>); null until the session ends.</summary>
    public string? EndReason { get; init; }

    /// <summary>When it ended, ISO 8601 in UTC; null until then.</summary>
    public string? EndTime { get; init; }
}
