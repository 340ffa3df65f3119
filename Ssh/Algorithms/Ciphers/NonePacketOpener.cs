using System.Buffers.Binary;

namespace VirtualFirewall.Ssh.Algorithms.Ciphers;

/// <summary>The `none` cipher and MAC of the first key exchange (RFC 4253 §6.3, §6.4): nothing to check.</summary>
internal sealed class NonePacketOpener : PacketOpener
{
    public override int FirstChunkSize => 4;

    public override int BlockSize => 8;

    public override bool LengthExcludedFromAlignment => false;

    public override int TagSize => 0;

    public override uint ReadLength(uint sequence, ReadOnlySpan<byte> firstChunk) =>
        BinaryPrimitives.ReadUInt32BigEndian(firstChunk);

    public override bool TryOpen(uint sequence, ReadOnlySpan<byte> wire, Span<byte> packet)
    {
        var clearLength = PacketSpans.CheckOpen(wire, packet, TagSize, FirstChunkSize);
        wire[..clearLength].CopyTo(packet);
        return true;
    }
}
