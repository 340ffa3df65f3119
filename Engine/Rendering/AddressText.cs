using System.Net;
using System.Text;

namespace VirtualFirewall.Engine.Rendering;

/// <summary>Appends addresses without an intermediate string: listings print four per session, a million sessions at a time.</summary>
internal static class AddressText
{
    public static StringBuilder Append(StringBuilder text, IPAddress address)
    {
        Span<byte> octets = stackalloc byte[4];
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork || !address.TryWriteBytes(octets, out _))
        {
            Span<char> chars = stackalloc char[64];
            return address.TryFormat(chars, out var length) ? text.Append(chars[..length]) : text.Append(address.ToString());
        }

        Span<char> dotted = stackalloc char[15];
        var at = 0;
        for (var i = 0; i < 4; i++)
        {
            if (i > 0)
            {
                dotted[at++] = '.';
            }

            var octet = octets[i];
            if (octet >= 100)
            {
                dotted[at++] = (char)('0' + (octet / 100));
            }

            if (octet >= 10)
            {
                dotted[at++] = (char)('0' + (octet / 10 % 10));
            }

            dotted[at++] = (char)('0' + (octet % 10));
        }

        return text.Append(dotted[..at]);
    }
}
