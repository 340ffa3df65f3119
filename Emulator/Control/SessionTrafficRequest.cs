using System.Text.Json.Serialization;

namespace VirtualFirewall.Emulator.Control;

/// <summary>The body of <c>POST /devices/{name}/sessions/{id}/traffic</c>: counts added now, as a description's <c>traffic</c> step adds them.</summary>
public sealed record SessionTrafficRequest
{
    [JsonPropertyName("bytes-c2s")]
    public long? BytesC2S { get; init; }

    [JsonPropertyName("bytes-s2c")]
    public long? BytesS2C { get; init; }

    [JsonPropertyName("packets-c2s")]
    public long? PacketsC2S { get; init; }

    [JsonPropertyName("packets-s2c")]
    public long? PacketsS2C { get; init; }
}
