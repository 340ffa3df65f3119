using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VirtualFirewall.Engine.Rendering;

/// <summary>
/// Writes one row of a listing straight into a UTF-8 buffer the caller sized: no intermediate
/// strings, addresses and numbers formatted in place. Listings print a million of these.
/// </summary>
internal ref struct Utf8Row(Span<byte> buffer)
{
    private readonly Span<byte> _buffer = buffer;
    private int _at;

    /// <summary>The most one IPv6 address with its port in brackets takes.</summary>
    public const int MaxEndpointBytes = 64;

    public readonly int Length => _at;

    public void Text(string value) => _at += Encoding.UTF8.GetBytes(value, _buffer[_at..]);

    public void Text(ReadOnlySpan<byte> utf8)
    {
        utf8.CopyTo(_buffer[_at..]);
        _at += utf8.Length;
    }

    public void Char(char ascii) => _buffer[_at++] = (byte)ascii;

    /// <summary>printf's `%-Ns`: the value, then spaces up to <paramref name="width"/> bytes; a longer value is kept whole.</summary>
    public void Padded(string value, int width)
    {
        var start = _at;
        Text(value);
        PadFrom(start, width);
    }

    public void PaddedNumber(uint value, int width)
    {
        var start = _at;
        value.TryFormat(_buffer[_at..], out var written, default, CultureInfo.InvariantCulture);
        _at += written;
        PadFrom(start, width);
    }

    public void Number(int value)
    {
        value.TryFormat(_buffer[_at..], out var written, default, CultureInfo.InvariantCulture);
        _at += written;
    }

    public void Spaces(int count)
    {
        _buffer.Slice(_at, count).Fill((byte)' ');
        _at += count;
    }

    public void LineEnd(LineEnd lineEnd)
    {
        if (lineEnd == Engine.LineEnd.CrLf)
        {
            _buffer[_at++] = (byte)'\r';
        }

        _buffer[_at++] = (byte)'\n';
    }

    /// <summary>`192.168.1.20[1]`: dotted quad (or IPv6 text), then the port in brackets.</summary>
    public void Endpoint(IPAddress address, int port)
    {
        Address(address);
        Char('[');
        Number(port);
        Char(']');
    }

    private void Address(IPAddress address)
    {
        Span<byte> octets = stackalloc byte[4];
        if (address.AddressFamily != AddressFamily.InterNetwork || !address.TryWriteBytes(octets, out _))
        {
            ((IUtf8SpanFormattable)address).TryFormat(_buffer[_at..], out var written, default, CultureInfo.InvariantCulture);
            _at += written;
            return;
        }

        for (var i = 0; i < 4; i++)
        {
            if (i > 0)
            {
                _buffer[_at++] = (byte)'.';
            }

            var octet = octets[i];
            if (octet >= 100)
            {
                _buffer[_at++] = (byte)('0' + (octet / 100));
            }

            if (octet >= 10)
            {
                _buffer[_at++] = (byte)('0' + (octet / 10 % 10));
            }

            _buffer[_at++] = (byte)('0' + (octet % 10));
        }
    }

    private void PadFrom(int start, int width)
    {
        var written = _at - start;
        if (written < width)
        {
            Spaces(width - written);
        }
    }
}
