using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages;

/// <summary>Parsing and writing helpers shared by the message records.</summary>
internal static class MessageFormat
{
    /// <summary>
    /// A reader positioned after the message number, which must be <paramref name="number"/>; an
    /// empty payload or another number is a protocol error.
    /// </summary>
    public static SshDataReader Open(ReadOnlySpan<byte> payload, byte number, string name)
    {
        if (payload.IsEmpty)
        {
            throw new SshProtocolException($"empty payload where {name} ({number}) was expected");
        }

        if (payload[0] != number)
        {
            throw new SshProtocolException($"message {payload[0]} where {name} ({number}) was expected");
        }

        var reader = new SshDataReader(payload);
        reader.ReadByte();
        return reader;
    }

    public static byte[] ToPayload(ISshMessage message)
    {
        var writer = new SshDataWriter();
        message.Write(writer);
        return writer.ToArray();
    }

    /// <summary>
    /// A uint32 item count, checked against the bytes left: each item takes at least
    /// <paramref name="minimumItemSize"/> bytes, so a count the payload cannot hold is a truncated
    /// message and never sizes an allocation.
    /// </summary>
    public static int ReadCount(ref SshDataReader reader, int minimumItemSize, string what)
    {
        var count = reader.ReadUInt32();
        if (count > (uint)(reader.Remaining / minimumItemSize))
        {
            throw new SshProtocolException($"{count} {what} with {reader.Remaining} bytes left");
        }

        return (int)count;
    }

    /// <summary>
    /// An `mpint` that must not be negative, as its magnitude in big-endian bytes without leading
    /// zeros (zero is empty). Redundant leading zero bytes are accepted and dropped, as OpenSSH does.
    /// </summary>
    public static byte[] ReadUnsignedMpint(ref SshDataReader reader, string what)
    {
        var bytes = reader.ReadBinary();
        if (!bytes.IsEmpty && (bytes[0] & 0x80) != 0)
        {
            throw new SshProtocolException(SshDisconnectReason.KeyExchangeFailed, $"negative mpint {what}");
        }

        var start = 0;
        while (start < bytes.Length && bytes[start] == 0)
        {
            start++;
        }

        return bytes[start..].ToArray();
    }

    /// <summary>Checks a fixed-size field before writing it, so a bad message is never sent.</summary>
    public static void RequireLength(ReadOnlySpan<byte> value, int length, string what)
    {
        if (value.Length != length)
        {
            throw new InvalidOperationException($"{what} must be {length} bytes, not {value.Length}");
        }
    }
}
