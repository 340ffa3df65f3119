namespace VirtualFirewall.Emulator.Inventory.Description;

/// <summary>
/// When something scripted happens: an offset from the device's start (`45s`) or an instant
/// (`2013-09-09T16:44:01Z`, for a description that recreates a moment in a real device's life).
/// </summary>
public readonly record struct DescriptionTime(TimeSpan Offset, DateTimeOffset? Instant)
{
    public static DescriptionTime After(TimeSpan offset) => new(offset, null);

    public static DescriptionTime At(DateTimeOffset instant) => new(TimeSpan.Zero, instant);

    /// <summary>The instant, for a device that started at <paramref name="start"/>.</summary>
    public DateTimeOffset Resolve(DateTimeOffset start) => Instant ?? start + Offset;
}
