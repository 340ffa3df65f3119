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

    // A batch's buffer; a larger packet gets one of its size.
    private const int BatchBuffer = 16 * 1024;

    private readonly Stream _stream;
    private bool _batching;
    private byte[]? _batch;
    private int _batched;
    private int _roundBytes;

    public SshPacketWriter(Stream stream)
    {
        _stream = stream;
    }

    public PacketSealer Sealer { get; set; } = PacketProtection.NoneSealer();

    public uint Sequence { get; set; }

    /// <summary>Wire bytes sent since this was last reset: the server rekeys by volume.</summary>
    public long BytesSinceKeyExchange { get; set; }

    /// <summary>Wire bytes sealed since <see cref="BeginBatch"/>.</summary>
    public int Batched => _roundBytes;

    /// <summary>
    /// Until <see cref="FlushAsync"/>, sealed packets are collected and written together: a reply and
    /// the window adjustment after it are one socket write, not two. A packet that does not fit what
    /// is collected sends that first.
    /// </summary>
    public void BeginBatch()
    {
        _batching = true;
        _roundBytes = 0;
    }

    /// <summary>Writes what was collected and ends batching.</summary>
    /// <param name="cancellation">Ends a write the peer does not read.</param>
    /// <returns>The write.</returns>
    public ValueTask FlushAsync(CancellationToken cancellation)
    {
        _batching = false;
        return WriteBatchAsync(cancellation);
    }

    /// <summary>Ends batching without writing: after a failed round, later packets (a DISCONNECT) go out on their own.</summary>
    public void DiscardBatch()
    {
        _batching = false;
        if (_batch is { } batch)
        {
            _batch = null;
            _batched = 0;
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

    private async ValueTask SendAsync(PacketSealer sealer, byte[] packet, int length, CancellationToken cancellation)
    {
        var wireLength = length + sealer.TagSize;
        if (_batching)
        {
            if (_batch is not null && _batched + wireLength > _batch.Length)
            {
                await WriteBatchAsync(cancellation).ConfigureAwait(false);
            }

            // Small buffers: the pool keeps one per thread, and most rounds are one reply of a few hundred bytes.
            _batch ??= ArrayPool<byte>.Shared.Rent(Math.Max(wireLength, BatchBuffer));
            Seal(sealer, packet, length, _batch.AsSpan(_batched, wireLength));
            _batched += wireLength;
            _roundBytes += wireLength;
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

    private async ValueTask WriteBatchAsync(CancellationToken cancellation)
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

    private void Seal(PacketSealer sealer, byte[] packet, int length, Span<byte> wire)
    {
        try
        {
            sealer.Seal(Sequence, packet.AsSpan(0, length), wire);
        }
        finally
        {
            // The clear packet may hold key exchange secrets or passwords: cleared before reuse (only
            // what it held: a pooled array is often twice the packet, and bulk output clears 32 KB a packet).
            packet.AsSpan(0, length).Clear();
            ArrayPool<byte>.Shared.Return(packet);
        }

        Sequence = unchecked(Sequence + 1);
        BytesSinceKeyExchange += wire.Length;
    }
}
