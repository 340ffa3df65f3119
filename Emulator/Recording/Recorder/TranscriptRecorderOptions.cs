namespace VirtualFirewall.Emulator.Recording.Recorder;

/// <summary>
/// `--record &lt;dir&gt;`: every interactive session (SSH shell, Telnet after login) is written to
/// <see cref="Directory"/> as a golden transcript when it ends.
/// </summary>
/// <param name="Directory">Where the transcripts go; created if missing.</param>
public sealed record TranscriptRecorderOptions(string Directory)
{
    /// <summary>The `device:` header: the built-in device a replay starts from.</summary>
    public string DeviceName { get; init; } = "default";

    /// <summary>The wall clock for the `# Recorded ...` comment (the device clock may be manual).</summary>
    public TimeProvider WallClock { get; init; } = TimeProvider.System;
}
