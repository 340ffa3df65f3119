using VirtualFirewall.Engine.Traffic;

namespace VirtualFirewall.Emulator.Inventory.Description;

/// <summary>The traffic generator: its profile (`default` or `none`), its seed and its rate.</summary>
public sealed record TrafficDescription
{
    public string Profile { get; init; } = "default";

    /// <summary>Seeds the device's random source, and with it every generated session.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>New sessions per minute; null keeps the profile's.</summary>
    public double? SessionsPerMinute { get; init; }

    /// <summary>Established sessions opened at start that the generator leaves alone until they age out: large tables and listings.</summary>
    public int ResidentSessions { get; init; }

    /// <summary>The generator's profile: the default one at this description's rate, with <paramref name="seed"/> (null: drawn from the device).</summary>
    /// <param name="seed">The generator's own seed.</param>
    /// <returns>The profile.</returns>
    public TrafficProfile GeneratorProfile(int? seed = null) =>
        TrafficProfile.Default with { Seed = seed, SessionsPerMinute = SessionsPerMinute ?? TrafficProfile.Default.SessionsPerMinute };
}
