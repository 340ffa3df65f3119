using VirtualFirewall.Emulator.Recording.Recorder;

namespace VirtualFirewall.Emulator.Hosting;

/// <summary>Limits of one Telnet listener.</summary>
public sealed record TelnetHostOptions
{
    public int MaxConnections { get; init; } = 256;

    /// <summary>Pause before `Login incorrect`, as Linux login makes one, to slow password guessing.</summary>
    public TimeSpan FailureDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Time allowed from connect to a successful login.</summary>
    public TimeSpan LoginTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A client that does not read for this long while output waits is dropped, as SSH drops one (ssh-server.md, Limits).</summary>
    public TimeSpan StalledWriteTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>When set, every session after login is recorded as a golden transcript (`--record`).</summary>
    public TranscriptRecorderOptions? Recording { get; init; }
}
