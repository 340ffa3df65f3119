namespace VirtualFirewall.Engine.Sessions;

/// <summary>How a <see cref="SessionTable"/> is set up.</summary>
public sealed record SessionTableOptions
{
    /// <summary>The id the counter hands out first; it wraps back here after <see cref="uint.MaxValue"/>.</summary>
    public uint FirstId { get; init; } = 1;

    /// <summary>How many freed sessions stay readable by id; the oldest is dropped beyond it.</summary>
    public int RecentlyEndedCapacity { get; init; } = 100_000;

    public SessionTimeouts Timeouts { get; init; } = SessionTimeouts.PanosDefaults;
}
