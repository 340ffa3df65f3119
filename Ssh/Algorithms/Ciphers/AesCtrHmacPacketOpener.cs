using System.Buffers.Binary;
using System.Security.Cryptography;

namespace VirtualFirewall.Ssh.Algorithms.Ciphers;

/// <summary>
/// Opens `aes128-ctr` / `aes256-ctr` packets with an HMAC-SHA-2 MAC, encrypt-and-MAC or `-etm@openssh.com`.
/// Encrypt-and-MAC is stateful across the two calls: <see cref="ReadLength"/> decrypts the first block
/// (advancing the keystream) and keeps it for the following <see cref="TryOpen"/>.
/// </summary>
internal sealed class AesCtrHmacPacketOpener : PacketOpener
{
    private const int AesBlock = 16;

    private readonly AesCtrKeystream _keystream;
    private readonly SequencedHmac _mac;
    private readonly bool _encryptThenMac;
    private readonly byte[] _firstBlock = new byte[AesBlock];
    private bool _firstBlockPending;

    public AesCtrHmacPacketOpener(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, HashAlgorithmName macHash, ReadOnlySpan<byte> macKey, bool encryptThenMac)
    {
        _keystream = new AesCtrKeystream(key, iv);
        _mac = new SequencedHmac(macHash, macKey);
        _encryptThenMac = encryptThenMac;
    }

    public override int FirstChunkSize => _encryptThenMac ? 4 : AesBlock;

    public override int BlockSize => AesBlock;

    public override bool LengthExcludedFromAlignment => _encryptThenMac;

    public override int TagSize => _mac.TagSize;

    public override uint ReadLength(uint sequence, ReadOnlySpan<byte> firstChunk)
    {
        if (_encryptThenMac)
        {
            return BinaryPrimitives.ReadUInt32BigEndian(firstChunk);
        }

        // The length sits in the first encrypted block (RFC 4253 §6): decrypting it moves the
        // keystream on, so the clear block is kept for TryOpen rather than decrypted twice.
        if (_firstBlockPending)
        {
            throw new InvalidOperationException("ReadLength called twice for one packet");
        }

        _keystream.Transform(firstChunk[..AesBlock], _firstBlock);
        _firstBlockPending = true;
        return BinaryPrimitives.ReadUInt32BigEndian(_firstBlock);
    }

    public override bool TryOpen(uint sequence, ReadOnlySpan<byte> wire, Span<byte> packet)
    {
        var clearLength = PacketSpans.CheckOpen(wire, packet, TagSize, FirstChunkSize);
        var tag = wire.Slice(clearLength, TagSize);
        var clear = packet[..clearLength];
        if (_encryptThenMac)
        {
            if (!_mac.Verify(sequence, wire[..clearLength], tag))
            {
                return false;
            }

            wire[..4].CopyTo(clear);
            _keystream.Transform(wire[4..clearLength], clear[4..]);
            return true;
        }

        if (!_firstBlockPending)
        {
            throw new InvalidOperationException("ReadLength must be called before TryOpen");
        }

        // Encrypt-and-MAC authenticates the clear packet, so it can only be checked after decrypting.
        // A failure ends the connection, so the keystream position it leaves behind does not matter.
        _firstBlockPending = false;
        _firstBlock.CopyTo(clear);
        CryptographicOperations.ZeroMemory(_firstBlock);
        _keystream.Transform(wire[AesBlock..clearLength], clear[AesBlock..]);
        if (!_mac.Verify(sequence, clear, tag))
        {
            CryptographicOperations.ZeroMemory(clear);
            return false;
        }

        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _keystream.Dispose();
            _mac.Dispose();
            CryptographicOperations.ZeroMemory(_firstBlock);
        }

        base.Dispose(disposing);
    }
}
