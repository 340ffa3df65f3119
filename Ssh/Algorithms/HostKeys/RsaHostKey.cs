using System.Security.Cryptography;
using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Algorithms.HostKeys;

/// <summary>
/// An RSA host key: its blob is named `ssh-rsa` (RFC 4253 §6.6), its signatures `rsa-sha2-512` or
/// `rsa-sha2-256` (RFC 8332). SHA-1 `ssh-rsa` signatures are never made.
/// </summary>
public sealed class RsaHostKey : HostKey
{
    public const int DefaultKeySize = 3072;
    public const int MinimumKeySize = 2048;

    private static readonly IReadOnlyList<string> Algorithms = [KeyBlobs.RsaSha512, KeyBlobs.RsaSha256];

    private readonly RSA _key;
    private readonly byte[] _blob;

    private RsaHostKey(RSA key)
    {
        _key = key;
        var parameters = key.ExportParameters(includePrivateParameters: false);
        _blob = KeyBlobs.RsaBlob(parameters.Exponent, parameters.Modulus);
    }

    public override string KeyType => KeyBlobs.Rsa;

    public override IReadOnlyList<string> SignatureAlgorithms => Algorithms;

    public override byte[] PublicKeyBlob => (byte[])_blob.Clone();

    public int KeySize => _key.KeySize;

    /// <summary>A new 3072-bit key.</summary>
    public static RsaHostKey Generate() => Generate(DefaultKeySize);

    public static RsaHostKey Generate(int keySizeInBits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keySizeInBits, MinimumKeySize);
        return new RsaHostKey(RSA.Create(keySizeInBits));
    }

    /// <summary>A key from complete private parameters; throws <see cref="CryptographicException"/> when they are inconsistent.</summary>
    internal static RsaHostKey FromParameters(RSAParameters parameters)
    {
        var key = RSA.Create();
        try
        {
            key.ImportParameters(parameters);
            var probe = key.SignData("host key self-test"u8.ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var publicOnly = RSA.Create(new RSAParameters { Modulus = parameters.Modulus, Exponent = parameters.Exponent });
            if (!publicOnly.VerifyData("host key self-test"u8, probe, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                throw new CryptographicException("RSA private key does not match its public key");
            }

            return new RsaHostKey(key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public override byte[] Sign(string signatureAlgorithm, ReadOnlySpan<byte> data)
    {
        var hash = signatureAlgorithm switch
        {
            KeyBlobs.RsaSha512 => HashAlgorithmName.SHA512,
            KeyBlobs.RsaSha256 => HashAlgorithmName.SHA256,
            _ => throw new ArgumentException($"an RSA host key signs for rsa-sha2-512 and rsa-sha2-256, not {signatureAlgorithm}", nameof(signatureAlgorithm)),
        };

        // RFC 8332 §3: string "rsa-sha2-*", string s (PKCS#1 v1.5, as long as the modulus).
        var signature = _key.SignData(data, hash, RSASignaturePadding.Pkcs1);
        return KeyBlobs.SignatureBlob(signatureAlgorithm, signature);
    }

    /// <summary>The key-specific part of an OpenSSH private key: mpint n, e, d, iqmp, p, q.</summary>
    internal void WriteOpenSshPrivate(SshDataWriter writer)
    {
        var parameters = _key.ExportParameters(includePrivateParameters: true);
        try
        {
            writer.WriteMpintUnsigned(parameters.Modulus)
                .WriteMpintUnsigned(parameters.Exponent)
                .WriteMpintUnsigned(parameters.D)
                .WriteMpintUnsigned(parameters.InverseQ)
                .WriteMpintUnsigned(parameters.P)
                .WriteMpintUnsigned(parameters.Q);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(parameters.D);
            CryptographicOperations.ZeroMemory(parameters.P);
            CryptographicOperations.ZeroMemory(parameters.Q);
            CryptographicOperations.ZeroMemory(parameters.DP);
            CryptographicOperations.ZeroMemory(parameters.DQ);
            CryptographicOperations.ZeroMemory(parameters.InverseQ);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _key.Dispose();
        }

        base.Dispose(disposing);
    }
}
