namespace VirtualFirewall.Emulator.Inventory.Description;

/// <summary>The traffic generator: its profile (`default` or `none`), its seed and its rate.</summary>
public sealed record TrafficDescription
{
    public string Profile { get; init; } = "default";

    /// <summary>Seeds the device's random source, and with it every generated session.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>New sessions per minute; null keeps the profile's.</summary>
    public double? SessionsPerMinute { get; init; }
}
