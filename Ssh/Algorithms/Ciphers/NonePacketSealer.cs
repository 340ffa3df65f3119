namespace VirtualFirewall.Ssh.Algorithms.Ciphers;

/// <summary>The `none` cipher and MAC of the first key exchange (RFC 4253 §6.3, §6.4): the packet goes out as it is.</summary>
internal sealed class NonePacketSealer : PacketSealer
{
    public override int BlockSize => 8;

    public override bool LengthExcludedFromAlignment => false;

    public override int TagSize => 0;

    public override void Seal(uint sequence, ReadOnlySpan<byte> packet, Span<byte> output)
    {
        PacketSpans.CheckSeal(packet, output, TagSize);
        packet.CopyTo(output);
    }
}
