using VirtualFirewall.Ssh.Algorithms.Ciphers;

namespace VirtualFirewall.Ssh.Transport;

/// <summary>Frames, pads and protects outgoing packets. One writer at a time: the caller serialises.</summary>
internal sealed class SshPacketWriter
{
    private readonly Stream _stream;

    public SshPacketWriter(Stream stream)
    {
        _stream = stream;
    }

    public PacketSealer Sealer { get; set; } = PacketProtection.NoneSealer();

    public uint Sequence { get; set; }

    /// <summary>Wire bytes sent since this was last reset: the server rekeys by volume.</summary>
    public long BytesSinceKeyExchange { get; set; }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellation)
    {
        var sealer = Sealer;
        var packet = PacketPadding.BuildPacket(payload.Span, sealer);
        var wire = new byte[packet.Length + sealer.TagSize];
        sealer.Seal(Sequence, packet, wire);
        Sequence = unchecked(Sequence + 1);
        BytesSinceKeyExchange += wire.Length;
        await _stream.WriteAsync(wire, cancellation).ConfigureAwait(false);
    }
}
