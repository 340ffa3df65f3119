namespace VirtualFirewall.Emulator.Control;

/// <summary>The body of <c>PUT /devices/{name}/clock</c>.</summary>
public sealed record ClockSetRequest
{
    /// <summary>The new time, ISO 8601 with an offset or <c>Z</c>; not before the device's now.</summary>
    public string? Now { get; init; }
}
