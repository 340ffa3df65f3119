using System.Buffers.Binary;
using System.Security.Cryptography;

namespace VirtualFirewall.Ssh.Algorithms.Ciphers;

/// <summary>
/// Opens `aes128-gcm@openssh.com` / `aes256-gcm@openssh.com` packets (RFC 5647, OpenSSH PROTOCOL §1.6).
/// The invocation counter advances only when a packet opens; a failure ends the connection anyway.
/// </summary>
internal sealed class AesGcmPacketOpener : PacketOpener
{
    private const int Tag = 16;

    private readonly AesGcm _aes;
    private readonly GcmNonce _nonce;

    public AesGcmPacketOpener(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv)
    {
        _nonce = new GcmNonce(iv);
        _aes = new AesGcm(key, Tag);
    }

    public override int FirstChunkSize => 4;

    public override int BlockSize => 16;

    public override bool LengthExcludedFromAlignment => true;

    public override int TagSize => Tag;

    public override uint ReadLength(uint sequence, ReadOnlySpan<byte> firstChunk) =>
        BinaryPrimitives.ReadUInt32BigEndian(firstChunk);

    public override bool TryOpen(uint sequence, ReadOnlySpan<byte> wire, Span<byte> packet)
    {
        var clearLength = PacketSpans.CheckOpen(wire, packet, TagSize, FirstChunkSize);
        var length = wire[..4];
        try
        {
            // AesGcm checks the tag before it releases any plaintext, and clears the output on failure.
            _aes.Decrypt(_nonce.Current, wire[4..clearLength], wire.Slice(clearLength, Tag), packet[4..clearLength], length);
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }

        length.CopyTo(packet);
        _nonce.Increment();
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _aes.Dispose();
        }

        base.Dispose(disposing);
    }
}
