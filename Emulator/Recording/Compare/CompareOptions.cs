namespace VirtualFirewall.Emulator.Recording.Compare;

/// <summary>What <c>transcript compare</c> compares a capture against, and which lines it leaves out.</summary>
public sealed record CompareOptions
{
    /// <summary>The login instant used when <see cref="Clock"/> is not given: the golden transcripts' moment.</summary>
    public static readonly DateTimeOffset DefaultClock = new(2026, 11, 27, 18, 56, 14, TimeSpan.Zero);

    /// <summary>How long the device has been up when <see cref="Boot"/> is not given (the golden transcripts' uptime).</summary>
    public static readonly TimeSpan DefaultUptime = new(7, 10, 56, 14);

    /// <summary>The capture file.</summary>
    public required string CapturePath { get; init; }

    /// <summary>The built-in device (<c>default</c>, <c>session-tracker-kb</c>, <c>tracker-stages</c>).</summary>
    public string Device { get; init; } = "default";

    /// <summary>The PAN-OS release the device reports; null keeps the device's own.</summary>
    public string? SwVersion { get; init; }

    /// <summary>The instant of the login; the device clock stands still there for the whole replay.</summary>
    public DateTimeOffset? Clock { get; init; }

    /// <summary>When the device started; null means <see cref="DefaultUptime"/> before the clock.</summary>
    public DateTimeOffset? Boot { get; init; }

    /// <summary>The device's hostname; null takes it from the capture's first prompt.</summary>
    public string? Hostname { get; init; }

    /// <summary>Regular expressions: a line of either side's output that matches one is left out of the comparison.</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];
}
