namespace VirtualFirewall.Emulator.Control;

/// <summary>The body of <c>POST /devices/{name}/clock/advance</c>.</summary>
public sealed record ClockAdvanceRequest
{
    /// <summary>How far: <c>90s</c>, <c>5m</c>, <c>2h</c>, <c>1d</c>, <c>250ms</c> or <c>hh:mm:ss</c>.</summary>
    public string? By { get; init; }
}
