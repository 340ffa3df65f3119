using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace VirtualFirewall.Ssh.Algorithms.Ciphers;

/// <summary>
/// AES in counter mode (RFC 4344 §4): the IV is a 128-bit big-endian counter, incremented modulo
/// 2^128 after each block. One instance is one direction's stream for the life of its keys: the
/// counter and any unused keystream carry over from one call, and one packet, to the next.
/// </summary>
internal sealed class AesCtrKeystream : IDisposable
{
    private const int AesBlock = 16;
    private const int BatchBlocks = 256;

    private readonly Aes _aes;
    private readonly byte[] _counters = new byte[BatchBlocks * AesBlock];
    private readonly byte[] _keystream = new byte[BatchBlocks * AesBlock];
    private ulong _counterHigh;
    private ulong _counterLow;
    private int _keystreamStart;
    private int _keystreamEnd;

    public AesCtrKeystream(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv)
    {
        if (key.Length is not (16 or 24 or 32))
        {
            throw new ArgumentException("an AES key is 16, 24 or 32 bytes", nameof(key));
        }

        if (iv.Length != AesBlock)
        {
            throw new ArgumentException("an AES-CTR initial counter is 16 bytes", nameof(iv));
        }

        _aes = Aes.Create();
        _aes.SetKey(key);
        _counterHigh = BinaryPrimitives.ReadUInt64BigEndian(iv);
        _counterLow = BinaryPrimitives.ReadUInt64BigEndian(iv[8..]);
    }

    /// <summary>XORs the next <c>input.Length</c> keystream bytes into <paramref name="output"/> (which may be the input itself).</summary>
    public void Transform(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (output.Length < input.Length)
        {
            throw new ArgumentException("output shorter than input", nameof(output));
        }

        while (!input.IsEmpty)
        {
            if (_keystreamStart == _keystreamEnd)
            {
                Refill(input.Length);
            }

            var count = Math.Min(input.Length, _keystreamEnd - _keystreamStart);
            Xor(input[..count], _keystream.AsSpan(_keystreamStart, count), output);
            _keystreamStart += count;
            input = input[count..];
            output = output[count..];
        }
    }

    public void Dispose()
    {
        _aes.Dispose();
        CryptographicOperations.ZeroMemory(_keystream);
    }

    private void Refill(int wanted)
    {
        var blocks = Math.Min(BatchBlocks, (wanted + AesBlock - 1) / AesBlock);
        var counters = _counters.AsSpan(0, blocks * AesBlock);
        for (var offset = 0; offset < counters.Length; offset += AesBlock)
        {
            BinaryPrimitives.WriteUInt64BigEndian(counters[offset..], _counterHigh);
            BinaryPrimitives.WriteUInt64BigEndian(counters[(offset + 8)..], _counterLow);
            _counterLow = unchecked(_counterLow + 1);
            if (_counterLow == 0)
            {
                _counterHigh = unchecked(_counterHigh + 1);
            }
        }

        _aes.EncryptEcb(counters, _keystream, PaddingMode.None);
        _keystreamStart = 0;
        _keystreamEnd = counters.Length;
    }

    private static void Xor(ReadOnlySpan<byte> input, ReadOnlySpan<byte> keystream, Span<byte> output)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= input.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                (new Vector<byte>(input[i..]) ^ new Vector<byte>(keystream[i..])).CopyTo(output[i..]);
            }
        }

        for (; i < input.Length; i++)
        {
            output[i] = (byte)(input[i] ^ keystream[i]);
        }
    }
}
