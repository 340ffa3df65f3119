using System.Text;

namespace VirtualFirewall.Emulator.Telnet;

/// <summary>Parsers for the subnegotiation payloads a server receives (as delivered by <see cref="TelnetDecoder"/>).</summary>
public static class TelnetSubnegotiationParser
{
    // RFC 1091: "The terminal type information may not be more than 40 characters long."
    private const int MaxTerminalTypeLength = 40;

    /// <summary>
    /// Reads an RFC 1073 NAWS payload: width and height as 16-bit big-endian values. Zero means the client does
    /// not know that dimension (RFC 1073), so the caller should keep its previous value for it.
    /// </summary>
    public static bool TryParseNaws(ReadOnlySpan<byte> payload, out int width, out int height)
    {
        if (payload.Length != 4)
        {
            width = 0;
            height = 0;
            return false;
        }

        width = (payload[0] << 8) | payload[1];
        height = (payload[2] << 8) | payload[3];
        return true;
    }

    /// <summary>Reads an RFC 1091 <c>IS name</c> reply: 1 to 40 printable ASCII characters.</summary>
    public static bool TryParseTerminalType(ReadOnlySpan<byte> payload, out string type)
    {
        type = string.Empty;
        if (payload.Length < 2 || payload[0] != TelnetCodes.IS || payload.Length - 1 > MaxTerminalTypeLength)
        {
            return false;
        }

        var name = payload[1..];
        foreach (var b in name)
        {
            if (b is < 0x20 or > 0x7E)
            {
                return false;
            }
        }

        type = Encoding.ASCII.GetString(name);
        return true;
    }
}
