using System.Buffers.Binary;
using System.Security.Cryptography;

namespace VirtualFirewall.Ssh.Algorithms.Ciphers;

/// <summary>The SSH MAC (RFC 4253 §6.4, RFC 6668): HMAC(key, uint32 sequence_number || data).</summary>
internal sealed class SequencedHmac : IDisposable
{
    private const int MaxTagSize = 64;

    private readonly IncrementalHash _hmac;

    public SequencedHmac(HashAlgorithmName hash, ReadOnlySpan<byte> key)
    {
        _hmac = IncrementalHash.CreateHMAC(hash, key);
        if (_hmac.HashLengthInBytes > MaxTagSize)
        {
            _hmac.Dispose();
            throw new ArgumentException($"unsupported MAC hash {hash}", nameof(hash));
        }
    }

    public int TagSize => _hmac.HashLengthInBytes;

    public void Compute(uint sequence, ReadOnlySpan<byte> data, Span<byte> tag)
    {
        Span<byte> prefix = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(prefix, sequence);
        _hmac.AppendData(prefix);
        _hmac.AppendData(data);
        _hmac.GetHashAndReset(tag);
    }

    public bool Verify(uint sequence, ReadOnlySpan<byte> data, ReadOnlySpan<byte> tag)
    {
        Span<byte> expected = stackalloc byte[MaxTagSize];
        expected = expected[..TagSize];
        Compute(sequence, data, expected);
        return CryptographicOperations.FixedTimeEquals(expected, tag);
    }

    public void Dispose() => _hmac.Dispose();
}
