using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace VirtualFirewall.Ssh.IO;

/// <summary>
/// Reads the data types of RFC 4251 §5 from a message payload. Running past the end or finding a
/// malformed value throws <see cref="SshProtocolException"/>: the message is bad, the session ends.
/// </summary>
public ref struct SshDataReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public SshDataReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly int Remaining => _data.Length - _position;

    public readonly bool AtEnd => _position == _data.Length;

    public byte ReadByte() => Take(1)[0];

    public bool ReadBoolean() => ReadByte() != 0;

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64BigEndian(Take(8));

    /// <summary>A `string`: uint32 length, then that many bytes.</summary>
    public ReadOnlySpan<byte> ReadBinary()
    {
        var length = ReadUInt32();
        if (length > (uint)Remaining)
        {
            throw new SshProtocolException($"string of {length} bytes with {Remaining} left");
        }

        return Take((int)length);
    }

    public byte[] ReadBinaryArray() => ReadBinary().ToArray();

    /// <summary>A `string` holding UTF-8 text; invalid UTF-8 is a protocol error.</summary>
    public string ReadString()
    {
        var bytes = ReadBinary();
        try
        {
            return Utf8Strict.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new SshProtocolException("invalid UTF-8 in a string", e);
        }
    }

    /// <summary>A `name-list`: comma-separated US-ASCII names, none empty.</summary>
    public IReadOnlyList<string> ReadNameList()
    {
        var bytes = ReadBinary();
        if (bytes.IsEmpty)
        {
            return [];
        }

        foreach (var b in bytes)
        {
            if (b is < 0x21 or > 0x7E)
            {
                throw new SshProtocolException("name-list with a non-printable byte");
            }
        }

        var names = Encoding.ASCII.GetString(bytes).Split(',');
        if (names.Any(n => n.Length == 0))
        {
            throw new SshProtocolException("name-list with an empty name");
        }

        return names;
    }

    /// <summary>An `mpint` as a signed big-endian two's complement number.</summary>
    public BigInteger ReadMpint()
    {
        var bytes = ReadBinary();
        return bytes.IsEmpty ? BigInteger.Zero : new BigInteger(bytes, isUnsigned: false, isBigEndian: true);
    }

    /// <summary>The rest of the payload.</summary>
    public ReadOnlySpan<byte> ReadRest() => Take(Remaining);

    private static readonly UTF8Encoding Utf8Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
        {
            throw new SshProtocolException("message ends early");
        }

        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }
}
