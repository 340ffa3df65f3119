using System.Buffers;
using VirtualFirewall.Ssh.Algorithms.Ciphers;

namespace VirtualFirewall.Ssh.Transport;

/// <summary>
/// Reads binary packets (RFC 4253 §6) from a stream through the current opener: bounded length,
/// padding and alignment checked, tag verified before anything else is trusted.
/// </summary>
internal sealed class SshPacketReader
{
    private readonly Stream _stream;
    private byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    public SshPacketReader(Stream stream, byte[] leftover)
    {
        _stream = stream;
        leftover.CopyTo(_buffer, 0);
        _end = leftover.Length;
    }

    public PacketOpener Opener { get; set; } = PacketProtection.NoneOpener();

    public uint Sequence { get; set; }

    public int MaxPacket { get; set; } = 35_000;

    /// <summary>Reads one packet and returns its payload; null at a clean end of stream between packets.</summary>
    public async ValueTask<byte[]?> ReadAsync(CancellationToken cancellation)
    {
        var opener = Opener;
        var first = opener.FirstChunkSize;
        if (!await FillAsync(first, cancellation).ConfigureAwait(false))
        {
            if (_end - _start == 0)
            {
                return null;
            }

            throw new SshProtocolException(SshDisconnectReason.ConnectionLost, "connection closed inside a packet");
        }

        var length = opener.ReadLength(Sequence, _buffer.AsSpan(_start, first));
        if (length < 5 || length > MaxPacket)
        {
            throw new SshProtocolException($"packet length {length} out of bounds");
        }

        var aligned = opener.LengthExcludedFromAlignment ? length : length + 4;
        if (aligned % (uint)opener.BlockSize != 0)
        {
            throw new SshProtocolException($"packet length {length} not aligned to {opener.BlockSize}");
        }

        var wireLength = 4 + (int)length + opener.TagSize;
        if (!await FillAsync(wireLength, cancellation).ConfigureAwait(false))
        {
            throw new SshProtocolException(SshDisconnectReason.ConnectionLost, "connection closed inside a packet");
        }

        var packet = ArrayPool<byte>.Shared.Rent(4 + (int)length);
        try
        {
            if (!opener.TryOpen(Sequence, _buffer.AsSpan(_start, wireLength), packet.AsSpan(0, 4 + (int)length)))
            {
                throw new SshProtocolException(SshDisconnectReason.MacError, "message authentication failed");
            }

            _start += wireLength;
            Sequence = unchecked(Sequence + 1);
            var padding = packet[4];
            if (padding < 4 || padding > length - 1)
            {
                throw new SshProtocolException($"padding length {padding} invalid");
            }

            return packet.AsSpan(5, (int)length - 1 - padding).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(packet, clearArray: true);
        }
    }

    /// <summary>Makes at least <paramref name="count"/> unread bytes available; false on end of stream.</summary>
    private async ValueTask<bool> FillAsync(int count, CancellationToken cancellation)
    {
        if (_end - _start >= count)
        {
            return true;
        }

        if (_buffer.Length - _start < count)
        {
            var bigger = _buffer.Length >= count ? _buffer : new byte[Math.Max(count, _buffer.Length * 2)];
            Buffer.BlockCopy(_buffer, _start, bigger, 0, _end - _start);
            _end -= _start;
            _start = 0;
            _buffer = bigger;
        }

        while (_end - _start < count)
        {
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellation).ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }

            _end += read;
        }

        return true;
    }
}
