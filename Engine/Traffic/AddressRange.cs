using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace VirtualFirewall.Engine.Traffic;

/// <summary>An inclusive range of IPv4 addresses, <see cref="First"/> to <see cref="Last"/>.</summary>
public sealed record AddressRange
{
    public AddressRange(IPAddress first, IPAddress last)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(last);
        if (first.AddressFamily != AddressFamily.InterNetwork || last.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException("Address ranges are IPv4.", nameof(first));
        }

        if (ToNumber(last) < ToNumber(first))
        {
            throw new ArgumentException("The last address of a range comes before its first.", nameof(last));
        }

        First = first;
        Last = last;
    }

    public IPAddress First { get; }
    public IPAddress Last { get; }

    /// <summary>How many addresses the range holds.</summary>
    public long Count => ToNumber(Last) - (long)ToNumber(First) + 1;

    /// <summary>`10.1.1.10-10.1.1.250` or a single address `203.0.113.10`.</summary>
    public static AddressRange Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        return dash < 0
            ? new AddressRange(IPAddress.Parse(text), IPAddress.Parse(text))
            : new AddressRange(IPAddress.Parse(text.AsSpan(0, dash)), IPAddress.Parse(text.AsSpan(dash + 1)));
    }

    /// <summary>The address at <paramref name="offset"/> from <see cref="First"/>.</summary>
    public IPAddress At(long offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(offset, Count);
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)(ToNumber(First) + offset));
        return new IPAddress(bytes);
    }

    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        var number = ToNumber(address);
        return number >= ToNumber(First) && number <= ToNumber(Last);
    }

    public override string ToString() => Count == 1 ? First.ToString() : First + "-" + Last;

    private static uint ToNumber(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }
}
