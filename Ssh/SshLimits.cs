namespace VirtualFirewall.Ssh;

/// <summary>The bounds a session enforces (ssh-server.md, Limits). Each is configurable.</summary>
public sealed record SshLimits
{
    public int MaxPacketBeforeKeys { get; init; } = 35_000;
    public int MaxPacket { get; init; } = 256 * 1024;
    public int MaxVersionLine { get; init; } = 255;
    public TimeSpan LoginGrace { get; init; } = TimeSpan.FromSeconds(60);
    public int MaxAuthAttempts { get; init; } = 6;
    public TimeSpan AuthFailureDelay { get; init; } = TimeSpan.FromMilliseconds(500);
    public int MaxChannels { get; init; } = 10;
    public uint WindowSize { get; init; } = 2 * 1024 * 1024;
    public uint MaxChannelPacket { get; init; } = 32 * 1024;

    /// <summary>Output queued for a channel beyond which its input waits, so a client that floods commands and never reads is back-pressured.</summary>
    public int MaxPendingOutput { get; init; } = 1024 * 1024;

    /// <summary>The server starts a new key exchange after sending this many bytes with one set of keys (RFC 4253 §9 recommends 1 GB).</summary>
    public long RekeyAfterBytes { get; init; } = 1L << 30;

    /// <summary>A peer that does not read for this long while output waits is dropped.</summary>
    public TimeSpan StalledWriteTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
