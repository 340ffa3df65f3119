namespace VirtualFirewall.Ssh.Algorithms.Ciphers;

/// <summary>Argument checks shared by the sealers and openers: a wrong size is the caller's bug, not the peer's.</summary>
internal static class PacketSpans
{
    /// <summary>The smallest clear packet: uint32 packet_length and byte padding_length.</summary>
    public const int MinimumPacket = 5;

    public static void CheckSeal(ReadOnlySpan<byte> packet, Span<byte> output, int tagSize)
    {
        if (packet.Length < MinimumPacket)
        {
            throw new ArgumentException("a packet holds at least its length and padding length", nameof(packet));
        }

        if (output.Length < packet.Length + tagSize)
        {
            throw new ArgumentException("output shorter than the packet and its tag", nameof(output));
        }
    }

    /// <summary>The clear packet's size: the wire packet less its tag.</summary>
    public static int CheckOpen(ReadOnlySpan<byte> wire, Span<byte> packet, int tagSize, int minimumPacket)
    {
        var clearLength = wire.Length - tagSize;
        if (clearLength < minimumPacket)
        {
            throw new ArgumentException("wire packet shorter than its first chunk and tag", nameof(wire));
        }

        if (packet.Length < clearLength)
        {
            throw new ArgumentException("packet buffer shorter than the clear packet", nameof(packet));
        }

        return clearLength;
    }
}
