namespace VirtualFirewall.Emulator.Telnet;

/// <summary>Builders for the bytes a Telnet peer sends (RFC 854).</summary>
public static class TelnetEncoder
{
    /// <summary>Returns <paramref name="data"/> with every 0xFF doubled so it is not read as IAC.</summary>
    /// <remarks>Only IAC is escaped; NVT line-ending rules (CR LF, CR NUL) are the caller's concern.</remarks>
    public static byte[] EscapeData(ReadOnlySpan<byte> data)
    {
        var result = new byte[data.Length + data.Count(TelnetCodes.IAC)];
        WriteEscaped(data, result);
        return result;
    }

    /// <summary><c>IAC verb option</c>.</summary>
    public static byte[] Negotiation(byte verb, byte option) => [TelnetCodes.IAC, verb, option];

    /// <summary><c>IAC SB option payload IAC SE</c>, with 0xFF in the payload doubled.</summary>
    public static byte[] Subnegotiation(byte option, ReadOnlySpan<byte> payload)
    {
        var result = new byte[payload.Length + payload.Count(TelnetCodes.IAC) + 5];
        result[0] = TelnetCodes.IAC;
        result[1] = TelnetCodes.SB;
        result[2] = option;
        var written = WriteEscaped(payload, result.AsSpan(3));
        result[3 + written] = TelnetCodes.IAC;
        result[4 + written] = TelnetCodes.SE;
        return result;
    }

    /// <summary><c>IAC code</c>.</summary>
    public static byte[] Command(byte code) => [TelnetCodes.IAC, code];

    private static int WriteEscaped(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var written = 0;
        foreach (var b in source)
        {
            destination[written++] = b;
            if (b == TelnetCodes.IAC)
            {
                destination[written++] = TelnetCodes.IAC;
            }
        }

        return written;
    }
}
