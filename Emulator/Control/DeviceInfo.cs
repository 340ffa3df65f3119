using System.Text.Json.Serialization;

namespace VirtualFirewall.Emulator.Control;

/// <summary>A served device as <c>GET /devices</c> lists it.</summary>
public sealed record DeviceInfo
{
    /// <summary>The name the API addresses it by.</summary>
    public required string Name { get; init; }

    public required string Hostname { get; init; }

    public required string Model { get; init; }

    public required string SwVersion { get; init; }

    /// <summary>The SSH port, or null when it is not served over SSH.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? SshPort { get; init; }

    /// <summary>The Telnet port, or null when it is not served over Telnet.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? TelnetPort { get; init; }

    /// <summary>The device clock, ISO 8601 in UTC.</summary>
    public required string Clock { get; init; }

    /// <summary><c>fixed</c> (moves only when told) or <c>real</c> (runs with the host clock).</summary>
    public required string ClockMode { get; init; }

    public required int LiveSessions { get; init; }

    public required bool GeneratorRunning { get; init; }
}
