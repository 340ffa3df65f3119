using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace VirtualFirewall.Ssh.IO;

/// <summary>Writes the data types of RFC 4251 §5 into a growing buffer.</summary>
public sealed class SshDataWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;

    public SshDataWriter(int capacity = 256)
    {
        _buffer = new ArrayBufferWriter<byte>(capacity);
    }

    public int Length => _buffer.WrittenCount;

    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public SshDataWriter WriteByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
        return this;
    }

    public SshDataWriter WriteBoolean(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    public SshDataWriter WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
        return this;
    }

    public SshDataWriter WriteUInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
        return this;
    }

    /// <summary>Raw bytes, no length prefix.</summary>
    public SshDataWriter WriteRaw(ReadOnlySpan<byte> bytes)
    {
        _buffer.Write(bytes);
        return this;
    }

    /// <summary>A `string` of bytes: uint32 length, then the bytes.</summary>
    public SshDataWriter WriteBinary(ReadOnlySpan<byte> bytes)
    {
        WriteUInt32((uint)bytes.Length);
        return WriteRaw(bytes);
    }

    /// <summary>A `string` of UTF-8 text.</summary>
    public SshDataWriter WriteString(string text) => WriteBinary(Encoding.UTF8.GetBytes(text));

    public SshDataWriter WriteNameList(IEnumerable<string> names) => WriteString(string.Join(',', names));

    /// <summary>An `mpint`: minimal two's complement, zero as an empty string (RFC 4251 §5).</summary>
    public SshDataWriter WriteMpint(BigInteger value) =>
        WriteBinary(value.IsZero ? [] : value.ToByteArray(isUnsigned: false, isBigEndian: true));

    /// <summary>
    /// An `mpint` from the big-endian bytes of a non-negative number, such as an X25519 or ECDH shared
    /// secret: leading zeros stripped, a 0x00 added when the top bit is set (pitfall 4).
    /// </summary>
    public SshDataWriter WriteMpintUnsigned(ReadOnlySpan<byte> bigEndian)
    {
        var start = 0;
        while (start < bigEndian.Length && bigEndian[start] == 0)
        {
            start++;
        }

        var magnitude = bigEndian[start..];
        if (magnitude.IsEmpty)
        {
            return WriteUInt32(0);
        }

        var pad = (magnitude[0] & 0x80) != 0;
        WriteUInt32((uint)(magnitude.Length + (pad ? 1 : 0)));
        if (pad)
        {
            WriteByte(0);
        }

        return WriteRaw(magnitude);
    }
}
