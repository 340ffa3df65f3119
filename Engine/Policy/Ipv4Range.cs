using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace VirtualFirewall.Engine.Policy;

/// <summary>An inclusive range of IPv4 addresses as numbers: a host, a prefix or a `first-last` range of the configuration.</summary>
public readonly record struct Ipv4Range(uint First, uint Last)
{
    public static Ipv4Range All { get; } = new(0, uint.MaxValue);

    public bool Contains(uint address) => address >= First && address <= Last;

    /// <summary>`10.1.1.1`, `10.1.0.0/16` or `10.1.1.1-10.1.1.9`; false for anything else (an FQDN, a name).</summary>
    public static bool TryParse(string text, out Ipv4Range range)
    {
        range = default;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            if (!TryAddress(text[..dash], out var first) || !TryAddress(text[(dash + 1)..], out var last) || last < first)
            {
                return false;
            }

            range = new Ipv4Range(first, last);
            return true;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (!TryAddress(slash < 0 ? text : text[..slash], out var address))
        {
            return false;
        }

        var length = 32;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > 32))
        {
            return false;
        }

        var mask = length == 0 ? 0u : uint.MaxValue << (32 - length);
        range = new Ipv4Range(address & mask, (address & mask) | ~mask);
        return true;
    }

    public static uint ToNumber(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[4];
        return address.AddressFamily == AddressFamily.InterNetwork && address.TryWriteBytes(bytes, out _)
            ? BinaryPrimitives.ReadUInt32BigEndian(bytes)
            : throw new ArgumentException("Policies here match IPv4 addresses.", nameof(address));
    }

    private static bool TryAddress(string text, out uint address)
    {
        address = 0;
        if (text.Count(c => c == '.') != 3 || !IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        address = ToNumber(parsed);
        return true;
    }
}
