using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using VirtualFirewall.Ssh.Algorithms.Ciphers;
using VirtualFirewall.Ssh.Messages;

namespace VirtualFirewall.Ssh.Transport;

/// <summary>Frames, pads and protects outgoing packets. One writer at a time: the caller serialises.</summary>
internal sealed class SshPacketWriter
{
    // uint32 packet_length, byte padding_length (RFC 4253 §6).
    private const int Header = 5;

    // byte SSH_MSG_CHANNEL_DATA, uint32 recipient channel, uint32 data length (RFC 4254 §5.2).
    private const int ChannelDataHeader = 9;

    private readonly Stream _stream;
    private byte[]? _batch;
    private int _batched;

    public SshPacketWriter(Stream stream)
    {
        _stream = stream;
    }

    public PacketSealer Sealer { get; set; } = PacketProtection.NoneSealer();

    public uint Sequence { get; set; }

    /// <summary>Wire bytes sent since this was last reset: the server rekeys by volume.</summary>
    public long BytesSinceKeyExchange { get; set; }

    /// <summary>Sealed bytes waiting in the current batch (<see cref="BeginBatch"/>).</summary>
    public int Batched => _batched;

    /// <summary>
    /// Until <see cref="FlushAsync"/>, sealed packets are collected and go out in one socket write:
    /// a reply and the window adjustment after it are one TCP segment, not two.
    /// </summary>
    /// <param name="capacity">Bytes the batch is expected to hold; it grows beyond if needed.</param>
    public void BeginBatch(int capacity)
    {
        _batch ??= ArrayPool<byte>.Shared.Rent(capacity);
        _batched = 0;
    }

    /// <summary>Writes the batch, if any, and ends batching.</summary>
    /// <param name="cancellation">Ends a write the peer does not read.</param>
    /// <returns>The write.</returns>
    public async ValueTask FlushAsync(CancellationToken cancellation)
    {
        if (_batch is not { } batch)
        {
            return;
        }

        var length = _batched;
        _batch = null;
        _batched = 0;
        try
        {
            if (length > 0)
            {
                await _stream.WriteAsync(batch.AsMemory(0, length), cancellation).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(batch);
        }
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellation)
    {
        var sealer = Sealer;
        var packet = Frame(sealer, payload.Length, out var length);
        payload.Span.CopyTo(packet.AsSpan(Header));
        return SendAsync(sealer, packet, length, cancellation);
    }

    /// <summary>SSH_MSG_CHANNEL_DATA framed straight from <paramref name="data"/>: bulk output is copied once before it is sealed.</summary>
    public ValueTask WriteChannelDataAsync(uint recipient, ReadOnlyMemory<byte> data, CancellationToken cancellation)
    {
        var sealer = Sealer;
        var packet = Frame(sealer, ChannelDataHeader + data.Length, out var length);
        var body = packet.AsSpan(Header);
        body[0] = MessageNumbers.ChannelData;
        BinaryPrimitives.WriteUInt32BigEndian(body[1..], recipient);
        BinaryPrimitives.WriteUInt32BigEndian(body[5..], (uint)data.Length);
        data.Span.CopyTo(body[ChannelDataHeader..]);
        return SendAsync(sealer, packet, length, cancellation);
    }

    /// <summary>A pooled buffer holding the clear packet's length, padding length and random padding; the caller fills the payload.</summary>
    private static byte[] Frame(PacketSealer sealer, int payloadLength, out int length)
    {
        var padding = PacketPadding.PaddingLength(payloadLength, sealer.BlockSize, sealer.LengthExcludedFromAlignment);
        length = Header + payloadLength + padding;
        var packet = ArrayPool<byte>.Shared.Rent(length);
        BinaryPrimitives.WriteUInt32BigEndian(packet, (uint)(length - 4));
        packet[4] = (byte)padding;
        RandomNumberGenerator.Fill(packet.AsSpan(Header + payloadLength, padding));
        return packet;
    }

    /// <summary>Ends batching without writing: after a failed round, later packets (a DISCONNECT) go out on their own.</summary>
    public void DiscardBatch()
    {
        if (_batch is { } batch)
        {
            _batch = null;
            _batched = 0;
            ArrayPool<byte>.Shared.Return(batch);
        }
    }

    private async ValueTask SendAsync(PacketSealer sealer, byte[] packet, int length, CancellationToken cancellation)
    {
        var wireLength = length + sealer.TagSize;
        if (_batch is not null)
        {
            Reserve(wireLength);
            Seal(sealer, packet, length, _batch.AsSpan(_batched, wireLength));
            _batched += wireLength;
            return;
        }

        var wire = ArrayPool<byte>.Shared.Rent(wireLength);
        Seal(sealer, packet, length, wire.AsSpan(0, wireLength));
        try
        {
            await _stream.WriteAsync(wire.AsMemory(0, wireLength), cancellation).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(wire);
        }
    }

    private void Seal(PacketSealer sealer, byte[] packet, int length, Span<byte> wire)
    {
        try
        {
            sealer.Seal(Sequence, packet.AsSpan(0, length), wire);
        }
        finally
        {
            // The clear packet may hold key exchange secrets or passwords: cleared before reuse.
            ArrayPool<byte>.Shared.Return(packet, clearArray: true);
        }

        Sequence = unchecked(Sequence + 1);
        BytesSinceKeyExchange += wire.Length;
    }

    private void Reserve(int more)
    {
        if (_batched + more <= _batch!.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_batch.Length * 2, _batched + more));
        _batch.AsSpan(0, _batched).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_batch);
        _batch = larger;
    }
}
