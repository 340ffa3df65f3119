namespace VirtualFirewall.Ssh.Algorithms.Ciphers;

/// <summary>
/// Protects the packets of one direction (RFC 4253 §6): encryption and integrity together, whatever
/// the cipher and MAC pair. A packet here is `uint32 packet_length || byte padding_length || payload || padding`.
/// </summary>
public abstract class PacketSealer : IDisposable
{
    /// <summary>The multiple the padded packet must reach: the cipher block size, at least 8.</summary>
    public abstract int BlockSize { get; }

    /// <summary>True when the length field is sent in clear and is left out of the alignment (EtM, GCM, ChaCha20-Poly1305).</summary>
    public abstract bool LengthExcludedFromAlignment { get; }

    /// <summary>Bytes of MAC or AEAD tag appended to each packet.</summary>
    public abstract int TagSize { get; }

    /// <summary>Writes the wire form of <paramref name="packet"/> (packet.Length + TagSize bytes) into <paramref name="output"/>.</summary>
    public abstract void Seal(uint sequence, ReadOnlySpan<byte> packet, Span<byte> output);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
