namespace VirtualFirewall.Emulator.Recording;

/// <summary>
/// The lines above `---`: the device and the moment the transcript runs against. `boot` is when the
/// device started (uptime counts from it), `clock` when the user logs in.
/// </summary>
public sealed record TranscriptHeader
{
    public string Device { get; init; } = "default";

    /// <summary>The device's hostname when it is not the description's (a device of a `--devices` fleet).</summary>
    public string? Hostname { get; init; }

    /// <summary>Overrides the `sw-version` the device reports (layouts change by release).</summary>
    public string? SwVersion { get; init; }

    /// <summary>Shows the device as an HA member in this state (`admin@PA-VM(active)> `).</summary>
    public string? HaState { get; init; }
    public DateTimeOffset Boot { get; init; }
    public DateTimeOffset Clock { get; init; }
    public string User { get; init; } = "admin";
    public string From { get; init; } = "192.0.2.10";

    /// <summary>The user's previous login (`Last login:`), if any.</summary>
    public DateTimeOffset? LastLogin { get; init; }

    public string LastLoginFrom { get; init; } = "192.0.2.10";
    public int Width { get; init; } = 80;
    public int Height { get; init; } = 24;

    /// <summary>How the transcript is replayed in tests: always in memory, and over the listed transports.</summary>
    public IReadOnlySet<string> Transports { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "memory" };
}
