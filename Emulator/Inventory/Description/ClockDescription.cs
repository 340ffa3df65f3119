namespace VirtualFirewall.Emulator.Inventory.Description;

/// <summary>
/// The device clock: `real` follows the host's clock; `fixed` stands at <see cref="Start"/> until it
/// is advanced by hand (the control API). Either can be moved by the control API.
/// </summary>
public sealed record ClockDescription
{
    public string Mode { get; init; } = "real";

    /// <summary>The instant a fixed clock starts at; null for now.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>How long the device has been up when it starts (`uptime`); zero when null.</summary>
    public TimeSpan? Uptime { get; init; }
}
