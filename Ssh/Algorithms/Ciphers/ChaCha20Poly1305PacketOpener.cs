using System.Buffers.Binary;

namespace VirtualFirewall.Ssh.Algorithms.Ciphers;

/// <summary>
/// Opens `chacha20-poly1305@openssh.com` packets (OpenSSH PROTOCOL.chacha20poly1305). Stateless between
/// calls: <see cref="ReadLength"/> decrypts the length with K_1 and may be repeated; the tag covers the
/// encrypted length, so TryOpen decrypts it again from the wire after verifying.
/// </summary>
internal sealed class ChaCha20Poly1305PacketOpener : PacketOpener
{
    private readonly ChaCha20Poly1305Keys _keys;

    public ChaCha20Poly1305PacketOpener(ReadOnlySpan<byte> key)
    {
        _keys = new ChaCha20Poly1305Keys(key);
    }

    public override int FirstChunkSize => 4;

    public override int BlockSize => 8;

    public override bool LengthExcludedFromAlignment => true;

    public override int TagSize => ChaCha20Poly1305Keys.TagSize;

    public override uint ReadLength(uint sequence, ReadOnlySpan<byte> firstChunk)
    {
        Span<byte> length = stackalloc byte[4];
        _keys.CryptLength(sequence, firstChunk, length);
        return BinaryPrimitives.ReadUInt32BigEndian(length);
    }

    public override bool TryOpen(uint sequence, ReadOnlySpan<byte> wire, Span<byte> packet)
    {
        var clearLength = PacketSpans.CheckOpen(wire, packet, TagSize, FirstChunkSize);
        var ciphertext = wire[..clearLength];
        if (!_keys.VerifyTag(sequence, ciphertext, wire.Slice(clearLength, TagSize)))
        {
            return false;
        }

        _keys.CryptLength(sequence, ciphertext, packet);
        _keys.CryptPayload(sequence, ciphertext[4..], packet[4..clearLength]);
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _keys.Dispose();
        }

        base.Dispose(disposing);
    }
}
