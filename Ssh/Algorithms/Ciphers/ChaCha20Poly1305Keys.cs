using System.Buffers.Binary;
using System.Security.Cryptography;
using Geralt;

namespace VirtualFirewall.Ssh.Algorithms.Ciphers;

/// <summary>
/// The two ChaCha20 keys of `chacha20-poly1305@openssh.com` (OpenSSH PROTOCOL.chacha20poly1305): of the
/// 64-byte key, K_2 (the first 32 bytes) encrypts the payload and yields the Poly1305 key, K_1 (the last
/// 32 bytes) encrypts only the packet length. Both use the sequence number as nonce.
/// </summary>
internal sealed class ChaCha20Poly1305Keys : IDisposable
{
    public const int KeySize = 64;
    public const int TagSize = 16;

    private const int PolyKeySize = 32;

    private readonly byte[] _payloadKey;
    private readonly byte[] _lengthKey;

    public ChaCha20Poly1305Keys(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException("a chacha20-poly1305@openssh.com key is 64 bytes", nameof(key));
        }

        _payloadKey = key[..32].ToArray();
        _lengthKey = key[32..].ToArray();
    }

    /// <summary>Encrypts or decrypts the 4-byte length with K_1, block counter 0.</summary>
    public void CryptLength(uint sequence, ReadOnlySpan<byte> input, Span<byte> output)
    {
        Span<byte> nonce = stackalloc byte[ChaCha20.NonceSize];
        WriteNonce(sequence, nonce);
        ChaCha20.Encrypt(output[..4], input[..4], nonce, _lengthKey, 0);
    }

    /// <summary>Encrypts or decrypts everything after the length with K_2, from block counter 1 (block 0 gave the Poly1305 key).</summary>
    public void CryptPayload(uint sequence, ReadOnlySpan<byte> input, Span<byte> output)
    {
        Span<byte> nonce = stackalloc byte[ChaCha20.NonceSize];
        WriteNonce(sequence, nonce);
        ChaCha20.Encrypt(output[..input.Length], input, nonce, _payloadKey, 1);
    }

    /// <summary>Poly1305 over the encrypted length and payload, keyed by the first 32 keystream bytes of K_2 at block 0.</summary>
    public void ComputeTag(uint sequence, ReadOnlySpan<byte> ciphertext, Span<byte> tag)
    {
        Span<byte> polyKey = stackalloc byte[PolyKeySize];
        PolyKey(sequence, polyKey);
        Poly1305.ComputeTag(tag[..TagSize], ciphertext, polyKey);
        CryptographicOperations.ZeroMemory(polyKey);
    }

    /// <summary>Constant-time check of the tag over the encrypted length and payload.</summary>
    public bool VerifyTag(uint sequence, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag)
    {
        Span<byte> polyKey = stackalloc byte[PolyKeySize];
        PolyKey(sequence, polyKey);
        var valid = Poly1305.VerifyTag(tag, ciphertext, polyKey);
        CryptographicOperations.ZeroMemory(polyKey);
        return valid;
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_payloadKey);
        CryptographicOperations.ZeroMemory(_lengthKey);
    }

    private void PolyKey(uint sequence, Span<byte> polyKey)
    {
        Span<byte> nonce = stackalloc byte[ChaCha20.NonceSize];
        WriteNonce(sequence, nonce);
        ChaCha20.Fill(polyKey, nonce, _payloadKey);
    }

    // OpenSSH runs the original ChaCha20 (64-bit counter, 64-bit nonce = uint64 sequence number). In
    // the IETF layout the top half of that counter becomes the nonce's first word, zero for any packet
    // under 256 GiB, so the IETF nonce is 00000000 || BE64(sequence).
    private static void WriteNonce(uint sequence, Span<byte> nonce)
    {
        nonce[..4].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(nonce[4..], sequence);
    }
}
