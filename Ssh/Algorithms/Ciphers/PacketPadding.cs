using System.Buffers.Binary;
using System.Security.Cryptography;

namespace VirtualFirewall.Ssh.Algorithms.Ciphers;

/// <summary>The binary packet framing of RFC 4253 §6: `uint32 packet_length || byte padding_length || payload || random padding`.</summary>
public static class PacketPadding
{
    /// <summary>RFC 4253 §6: at least four bytes of padding.</summary>
    public const int MinimumPadding = 4;

    /// <summary>RFC 4253 §6: a packet is at least 16 bytes long (MAC excluded).</summary>
    public const int MinimumPacket = 16;

    /// <summary>
    /// The padding length (4 to 255) that aligns the packet to <paramref name="blockSize"/>: the whole packet,
    /// or everything after the length field when <paramref name="lengthExcludedFromAlignment"/>.
    /// </summary>
    public static int PaddingLength(int payloadLength, int blockSize, bool lengthExcludedFromAlignment)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blockSize, 64);

        var aligned = (lengthExcludedFromAlignment ? 1 : 5) + payloadLength;
        var padding = blockSize - (aligned % blockSize);
        while (padding < MinimumPadding || 5 + payloadLength + padding < MinimumPacket)
        {
            padding += blockSize;
        }

        return padding;
    }

    /// <summary>The clear packet for <paramref name="payload"/>, padded for <paramref name="sealer"/>, padding from <see cref="RandomNumberGenerator"/>.</summary>
    public static byte[] BuildPacket(ReadOnlySpan<byte> payload, PacketSealer sealer)
    {
        ArgumentNullException.ThrowIfNull(sealer);
        return BuildPacket(payload, sealer.BlockSize, sealer.LengthExcludedFromAlignment);
    }

    /// <summary>The clear packet for <paramref name="payload"/>, padding from <see cref="RandomNumberGenerator"/>.</summary>
    public static byte[] BuildPacket(ReadOnlySpan<byte> payload, int blockSize, bool lengthExcludedFromAlignment)
    {
        var padding = PaddingLength(payload.Length, blockSize, lengthExcludedFromAlignment);
        var packetLength = 1 + payload.Length + padding;
        var packet = new byte[4 + packetLength];
        BinaryPrimitives.WriteUInt32BigEndian(packet, (uint)packetLength);
        packet[4] = (byte)padding;
        payload.CopyTo(packet.AsSpan(5));
        RandomNumberGenerator.Fill(packet.AsSpan(5 + payload.Length));
        return packet;
    }
}
