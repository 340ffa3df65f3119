using System.Security.Cryptography;
using System.Text;
using Geralt;
using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Algorithms.HostKeys;

/// <summary>
/// Checks a client's signature for publickey authentication (RFC 4252 §7). Every malformed input is a
/// failed check, never an exception.
/// </summary>
public static class SignatureVerifier
{
    /// <summary>RSA moduli accepted from clients, as OpenSSH 9.2 bounds them (RequiredRSASize 1024, SSHBUF_MAX_BIGNUM).</summary>
    private const int MinimumRsaBits = 1024;
    private const int MaximumRsaBits = 16384;

    /// <summary>The signature algorithms accepted, for `server-sig-algs` (RFC 8308 §3.1).</summary>
    public static IReadOnlyList<string> SupportedAlgorithms { get; } =
    [
        KeyBlobs.Ed25519,
        EcdsaHostKey.Nistp256,
        EcdsaHostKey.Nistp384,
        EcdsaHostKey.Nistp521,
        KeyBlobs.RsaSha512,
        KeyBlobs.RsaSha256,
    ];

    /// <summary>False for `ssh-rsa` (SHA-1) and every name this library does not verify.</summary>
    public static bool IsSupportedAlgorithm(string signatureAlgorithm) =>
        SupportedAlgorithms.Contains(signatureAlgorithm, StringComparer.Ordinal);

    /// <summary>The key type a public key blob starts with (`ssh-ed25519`, `ssh-rsa`, ...); null when the blob is malformed.</summary>
    public static string? KeyTypeOf(ReadOnlySpan<byte> blob)
    {
        try
        {
            var reader = new SshDataReader(blob);
            var name = reader.ReadBinary();
            if (name.IsEmpty || name.Length > 64)
            {
                return null;
            }

            foreach (var b in name)
            {
                if (b is < 0x21 or > 0x7E)
                {
                    return null;
                }
            }

            return Encoding.ASCII.GetString(name);
        }
        catch (SshProtocolException)
        {
            return null;
        }
    }

    /// <summary>
    /// True when <paramref name="signatureBlob"/> (string algorithm, string signature) is a valid
    /// <paramref name="signatureAlgorithm"/> signature of <paramref name="data"/> by the key in
    /// <paramref name="publicKeyBlob"/>; the key type must suit the algorithm and the blob must name it.
    /// </summary>
    public static bool Verify(string signatureAlgorithm, ReadOnlySpan<byte> publicKeyBlob, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signatureBlob)
    {
        if (signatureAlgorithm is null || !IsSupportedAlgorithm(signatureAlgorithm))
        {
            return false;
        }

        try
        {
            var signatureReader = new SshDataReader(signatureBlob);
            if (!NameIs(signatureReader.ReadBinary(), signatureAlgorithm))
            {
                return false;
            }

            var signature = signatureReader.ReadBinary();
            if (!signatureReader.AtEnd)
            {
                return false;
            }

            return signatureAlgorithm switch
            {
                KeyBlobs.Ed25519 => VerifyEd25519(publicKeyBlob, data, signature),
                KeyBlobs.RsaSha256 => VerifyRsa(publicKeyBlob, data, signature, HashAlgorithmName.SHA256),
                KeyBlobs.RsaSha512 => VerifyRsa(publicKeyBlob, data, signature, HashAlgorithmName.SHA512),
                _ => NistCurve.FromKeyType(signatureAlgorithm) is { } curve && VerifyEcdsa(curve, publicKeyBlob, data, signature),
            };
        }
        catch (Exception e) when (e is SshProtocolException or CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    private static bool VerifyEd25519(ReadOnlySpan<byte> publicKeyBlob, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        var reader = new SshDataReader(publicKeyBlob);
        if (!NameIs(reader.ReadBinary(), KeyBlobs.Ed25519))
        {
            return false;
        }

        var publicKey = reader.ReadBinary();
        return reader.AtEnd
            && publicKey.Length == Ed25519.PublicKeySize
            && signature.Length == Ed25519.SignatureSize
            && Ed25519.Verify(signature, data, publicKey);
    }

    private static bool VerifyEcdsa(NistCurve curve, ReadOnlySpan<byte> publicKeyBlob, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        // RFC 5656 §3.1: string "ecdsa-sha2-[identifier]", string [identifier], string Q.
        var reader = new SshDataReader(publicKeyBlob);
        if (!NameIs(reader.ReadBinary(), curve.KeyType) || !NameIs(reader.ReadBinary(), curve.Identifier))
        {
            return false;
        }

        var point = curve.DecodePoint(reader.ReadBinary());
        if (point is null || !reader.AtEnd)
        {
            return false;
        }

        // RFC 5656 §3.1.2: mpint r, mpint s, both positive and below the group order.
        var signatureReader = new SshDataReader(signature);
        var r = curve.ToFieldSize(KeyBlobs.ReadPositiveMpint(ref signatureReader));
        var s = curve.ToFieldSize(KeyBlobs.ReadPositiveMpint(ref signatureReader));
        if (r is null || s is null || !signatureReader.AtEnd)
        {
            return false;
        }

        using var key = ECDsa.Create(curve.PublicParameters(point.Value));
        return key.VerifyData(data, [.. r, .. s], curve.Hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private static bool VerifyRsa(ReadOnlySpan<byte> publicKeyBlob, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, HashAlgorithmName hash)
    {
        // RFC 4253 §6.6: string "ssh-rsa", mpint e, mpint n.
        var reader = new SshDataReader(publicKeyBlob);
        if (!NameIs(reader.ReadBinary(), KeyBlobs.Rsa))
        {
            return false;
        }

        var exponent = KeyBlobs.ReadPositiveMpint(ref reader);
        var modulus = KeyBlobs.ReadPositiveMpint(ref reader);
        if (!reader.AtEnd)
        {
            return false;
        }

        var bits = KeyBlobs.ToBigInteger(modulus).GetBitLength();
        // The public exponent: odd, at least 3, at most 64 bits (OpenSSL's limit for large moduli).
        if (bits is < MinimumRsaBits or > MaximumRsaBits || exponent.Length > 8 || (exponent[^1] & 1) == 0 || KeyBlobs.ToBigInteger(exponent) < 3)
        {
            return false;
        }

        // RFC 8332 §3: s is as long as the modulus; OpenSSH also accepts it shorter, as if left-padded.
        var padded = signature.Length <= modulus.Length ? KeyBlobs.PadLeft(signature, modulus.Length) : null;
        if (padded is null)
        {
            return false;
        }

        using var key = RSA.Create(new RSAParameters { Modulus = modulus, Exponent = exponent });
        return key.VerifyData(data, padded, hash, RSASignaturePadding.Pkcs1);
    }

    private static bool NameIs(ReadOnlySpan<byte> name, string expected) => name.SequenceEqual(Encoding.ASCII.GetBytes(expected));
}
