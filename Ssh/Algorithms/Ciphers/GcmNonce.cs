using System.Buffers.Binary;

namespace VirtualFirewall.Ssh.Algorithms.Ciphers;

/// <summary>
/// The AES-GCM nonce of RFC 5647 §7.1: a 4-byte fixed field and an 8-byte invocation counter, both
/// from the 12-byte IV. The counter is incremented as a 64-bit big-endian number after every packet;
/// the fixed field never changes.
/// </summary>
internal sealed class GcmNonce
{
    public const int Size = 12;

    private readonly byte[] _nonce = new byte[Size];

    public GcmNonce(ReadOnlySpan<byte> iv)
    {
        if (iv.Length != Size)
        {
            throw new ArgumentException("an AES-GCM IV is 12 bytes", nameof(iv));
        }

        iv.CopyTo(_nonce);
    }

    public ReadOnlySpan<byte> Current => _nonce;

    public void Increment()
    {
        var counter = _nonce.AsSpan(4);
        BinaryPrimitives.WriteUInt64BigEndian(counter, unchecked(BinaryPrimitives.ReadUInt64BigEndian(counter) + 1));
    }
}
