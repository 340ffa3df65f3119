using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VirtualFirewall.Emulator.Control;

/// <summary>
/// The control API's JSON, generated at build time (no reflection): kebab-case names as in device
/// descriptions, nulls left out, unknown properties refused.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ControlError))]
[JsonSerializable(typeof(EmptyRequest))]
[JsonSerializable(typeof(DeviceInfo))]
[JsonSerializable(typeof(DeviceInfo[]))]
[JsonSerializable(typeof(ClockInfo))]
[JsonSerializable(typeof(ClockAdvanceRequest))]
[JsonSerializable(typeof(ClockSetRequest))]
[JsonSerializable(typeof(SessionRequest))]
[JsonSerializable(typeof(SessionInfo))]
[JsonSerializable(typeof(SessionInfo[]))]
[JsonSerializable(typeof(SessionEndRequest))]
[JsonSerializable(typeof(SessionTrafficRequest))]
[JsonSerializable(typeof(GeneratorStartRequest))]
[JsonSerializable(typeof(TrafficLogEntryInfo))]
[JsonSerializable(typeof(TrafficLogEntryInfo[]))]
internal sealed partial class ControlJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context the API writes and reads with: the generated options, but with messages' backticks and
    /// quotes left readable (the default encoder writes \u0060, guarding against HTML that a JSON API never serves).
    /// </summary>
    public static ControlJsonContext Api { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
