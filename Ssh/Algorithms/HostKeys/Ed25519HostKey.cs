using System.Security.Cryptography;
using Geralt;
using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Algorithms.HostKeys;

/// <summary>An `ssh-ed25519` host key (RFC 8709).</summary>
public sealed class Ed25519HostKey : HostKey
{
    public const string Algorithm = KeyBlobs.Ed25519;

    private static readonly IReadOnlyList<string> Algorithms = [Algorithm];

    /// <summary>libsodium's form: seed || public key.</summary>
    private readonly byte[] _privateKey;
    private readonly byte[] _publicKey;
    private readonly byte[] _blob;
    private bool _disposed;

    private Ed25519HostKey(byte[] privateKey, byte[] publicKey)
    {
        _privateKey = privateKey;
        _publicKey = publicKey;
        _blob = KeyBlobs.Ed25519Blob(publicKey);
    }

    public override string KeyType => Algorithm;

    public override IReadOnlyList<string> SignatureAlgorithms => Algorithms;

    public override byte[] PublicKeyBlob => (byte[])_blob.Clone();

    /// <summary>The 32-byte public key A (RFC 8032 §5.1.5).</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    public static Ed25519HostKey Generate()
    {
        var publicKey = new byte[Ed25519.PublicKeySize];
        var privateKey = new byte[Ed25519.PrivateKeySize];
        Ed25519.GenerateKeyPair(publicKey, privateKey);
        return new Ed25519HostKey(privateKey, publicKey);
    }

    /// <summary>The key of a 32-byte private key (the seed of RFC 8032 §5.1.5).</summary>
    public static Ed25519HostKey FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != Ed25519.SeedSize)
        {
            throw new ArgumentException($"an Ed25519 seed has {Ed25519.SeedSize} bytes, not {seed.Length}", nameof(seed));
        }

        var publicKey = new byte[Ed25519.PublicKeySize];
        var privateKey = new byte[Ed25519.PrivateKeySize];
        Ed25519.GenerateKeyPair(publicKey, privateKey, seed);
        return new Ed25519HostKey(privateKey, publicKey);
    }

    public override byte[] Sign(string signatureAlgorithm, ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!string.Equals(signatureAlgorithm, Algorithm, StringComparison.Ordinal))
        {
            throw new ArgumentException($"an Ed25519 key does not sign for {signatureAlgorithm}", nameof(signatureAlgorithm));
        }

        // RFC 8709 §6: string "ssh-ed25519", string signature (64 bytes, RFC 8032 §5.1.6).
        Span<byte> signature = stackalloc byte[Ed25519.SignatureSize];
        Ed25519.Sign(signature, data, _privateKey);
        return KeyBlobs.SignatureBlob(Algorithm, signature);
    }

    /// <summary>The key-specific part of an OpenSSH private key: string public key, string seed || public key.</summary>
    internal void WriteOpenSshPrivate(SshDataWriter writer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        writer.WriteBinary(_publicKey).WriteBinary(_privateKey);
    }

    protected override void Dispose(bool disposing)
    {
        CryptographicOperations.ZeroMemory(_privateKey);
        _disposed = true;
        base.Dispose(disposing);
    }
}
