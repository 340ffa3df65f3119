namespace VirtualFirewall.Ssh.Algorithms.Ciphers;

/// <summary>
/// Removes the protection of the packets of one direction. For each packet the reader calls
/// <see cref="ReadLength"/> once with the first <see cref="FirstChunkSize"/> wire bytes, then
/// <see cref="TryOpen"/> once with the whole wire packet (first chunk included) and its tag.
/// </summary>
public abstract class PacketOpener : IDisposable
{
    /// <summary>Wire bytes needed to learn the packet length: 4 where it is in clear or separately encrypted, one cipher block for CTR with a plain MAC.</summary>
    public abstract int FirstChunkSize { get; }

    public abstract int BlockSize { get; }

    public abstract bool LengthExcludedFromAlignment { get; }

    public abstract int TagSize { get; }

    /// <summary>The packet_length field of the packet that starts with <paramref name="firstChunk"/>.</summary>
    public abstract uint ReadLength(uint sequence, ReadOnlySpan<byte> firstChunk);

    /// <summary>
    /// Verifies the tag (in constant time, before decrypting anything else) and writes the clear packet
    /// (4 + packet_length bytes) into <paramref name="packet"/>. False when the tag does not match.
    /// </summary>
    public abstract bool TryOpen(uint sequence, ReadOnlySpan<byte> wire, Span<byte> packet);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
