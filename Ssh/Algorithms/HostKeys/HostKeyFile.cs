using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Geralt;
using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Algorithms.HostKeys;

/// <summary>
/// Host keys in OpenSSH's private key format (openssh-key-v1, OpenSSH PROTOCOL.key), unencrypted, so
/// that `ssh-keygen -l -f` and `ssh-keygen -y -f` read what we write and we read what it writes.
/// </summary>
public static class HostKeyFile
{
    private const string Begin = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private const string End = "-----END OPENSSH PRIVATE KEY-----";
    private const string None = "none";
    private const int LineLength = 70;

    /// <summary>The cipher block size of `none`, to which the private section is padded.</summary>
    private const int BlockSize = 8;

    private static ReadOnlySpan<byte> Magic => "openssh-key-v1\0"u8;

    /// <summary>The key as an unencrypted OpenSSH private key file, LF line ends.</summary>
    public static string Export(HostKey key, string comment)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(comment);

        var secret = new SshDataWriter(1024);
        Span<byte> check = stackalloc byte[4];
        RandomNumberGenerator.Fill(check);
        var checkint = BinaryPrimitives.ReadUInt32BigEndian(check);
        secret.WriteUInt32(checkint).WriteUInt32(checkint).WriteString(key.KeyType);
        switch (key)
        {
            case Ed25519HostKey ed25519:
                ed25519.WriteOpenSshPrivate(secret);
                break;
            case EcdsaHostKey ecdsa:
                ecdsa.WriteOpenSshPrivate(secret);
                break;
            case RsaHostKey rsa:
                rsa.WriteOpenSshPrivate(secret);
                break;
            default:
                throw new ArgumentException($"cannot export a {key.GetType().Name}", nameof(key));
        }

        secret.WriteString(comment);
        for (byte pad = 1; secret.Length % BlockSize != 0; pad++)
        {
            secret.WriteByte(pad);
        }

        var file = new SshDataWriter(secret.Length + 512)
            .WriteRaw(Magic)
            .WriteString(None)
            .WriteString(None)
            .WriteBinary([])
            .WriteUInt32(1)
            .WriteBinary(key.PublicKeyBlob)
            .WriteBinary(secret.Written);
        var encoded = Convert.ToBase64String(file.Written);

        var text = new StringBuilder(encoded.Length + 128).Append(Begin).Append('\n');
        for (var i = 0; i < encoded.Length; i += LineLength)
        {
            text.Append(encoded.AsSpan(i, Math.Min(LineLength, encoded.Length - i))).Append('\n');
        }

        return text.Append(End).Append('\n').ToString();
    }

    /// <summary>The public key line of `~/.ssh/id_*.pub` and `ssh-keygen -y`: type, base64 blob, comment.</summary>
    public static string ExportPublic(HostKey key, string comment)
    {
        ArgumentNullException.ThrowIfNull(key);
        var line = key.KeyType + " " + Convert.ToBase64String(key.PublicKeyBlob);
        return string.IsNullOrEmpty(comment) ? line : line + " " + comment;
    }

    /// <summary>Reads an unencrypted OpenSSH private key file holding one Ed25519, ECDSA or RSA key.</summary>
    /// <exception cref="FormatException">The text is not such a file, or it is corrupt.</exception>
    public static HostKey Import(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decoded = Unarmor(text);
        try
        {
            return Parse(decoded);
        }
        catch (SshProtocolException e)
        {
            throw new FormatException("OpenSSH private key is truncated or malformed: " + e.Message, e);
        }
        catch (CryptographicException e)
        {
            throw new FormatException("OpenSSH private key holds an invalid key: " + e.Message, e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(decoded);
        }
    }

    private static byte[] Unarmor(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).ToList();
        var begin = lines.IndexOf(Begin);
        var end = lines.IndexOf(End);
        if (begin < 0 || end <= begin)
        {
            throw new FormatException($"not an OpenSSH private key: no '{Begin}' ... '{End}' block");
        }

        var body = string.Concat(lines.Skip(begin + 1).Take(end - begin - 1));
        try
        {
            return Convert.FromBase64String(body);
        }
        catch (FormatException e)
        {
            throw new FormatException("OpenSSH private key: the body is not valid base64", e);
        }
    }

    private static HostKey Parse(ReadOnlySpan<byte> decoded)
    {
        if (!decoded.StartsWith(Magic))
        {
            throw new FormatException("OpenSSH private key: missing the openssh-key-v1 magic");
        }

        var reader = new SshDataReader(decoded[Magic.Length..]);
        var cipher = reader.ReadString();
        var kdf = reader.ReadString();
        reader.ReadBinary();
        if (!string.Equals(cipher, None, StringComparison.Ordinal) || !string.Equals(kdf, None, StringComparison.Ordinal))
        {
            throw new FormatException($"OpenSSH private key is encrypted (cipher {cipher}, kdf {kdf}); only unencrypted host keys are supported");
        }

        var count = reader.ReadUInt32();
        if (count != 1)
        {
            throw new FormatException($"OpenSSH private key file holds {count} keys, expected 1");
        }

        var publicBlob = reader.ReadBinary();
        var secret = reader.ReadBinary();
        if (!reader.AtEnd)
        {
            throw new FormatException("OpenSSH private key: data after the private section");
        }

        if (secret.Length % BlockSize != 0)
        {
            throw new FormatException("OpenSSH private key: private section not a multiple of the block size");
        }

        var secretReader = new SshDataReader(secret);
        if (secretReader.ReadUInt32() != secretReader.ReadUInt32())
        {
            throw new FormatException("OpenSSH private key: check integers differ (corrupt file or wrong passphrase)");
        }

        var keyType = secretReader.ReadString();
        HostKey key = keyType switch
        {
            KeyBlobs.Ed25519 => ReadEd25519(ref secretReader),
            KeyBlobs.Rsa => ReadRsa(ref secretReader),
            _ when NistCurve.FromKeyType(keyType) is { } curve => ReadEcdsa(ref secretReader, curve),
            _ => throw new FormatException($"OpenSSH private key of unsupported type '{keyType}'"),
        };

        try
        {
            secretReader.ReadString();
            var padding = secretReader.ReadRest();
            for (var i = 0; i < padding.Length; i++)
            {
                if (padding[i] != (byte)(i + 1))
                {
                    throw new FormatException("OpenSSH private key: bad padding after the private key");
                }
            }

            if (!publicBlob.SequenceEqual(key.PublicKeyBlob))
            {
                throw new FormatException("OpenSSH private key: the public key does not match the private key");
            }

            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>string public key (32), string seed || public key (64).</summary>
    private static Ed25519HostKey ReadEd25519(ref SshDataReader reader)
    {
        var publicKey = reader.ReadBinary();
        var privateKey = reader.ReadBinary();
        if (publicKey.Length != Ed25519.PublicKeySize || privateKey.Length != Ed25519.PrivateKeySize)
        {
            throw new FormatException("OpenSSH private key: Ed25519 key of the wrong length");
        }

        var key = Ed25519HostKey.FromSeed(privateKey[..Ed25519.SeedSize]);
        if (!key.PublicKey.SequenceEqual(publicKey) || !privateKey[Ed25519.SeedSize..].SequenceEqual(publicKey))
        {
            key.Dispose();
            throw new FormatException("OpenSSH private key: the Ed25519 public key does not match the seed");
        }

        return key;
    }

    /// <summary>string curve identifier, string Q, mpint d.</summary>
    private static EcdsaHostKey ReadEcdsa(ref SshDataReader reader, NistCurve curve)
    {
        var identifier = reader.ReadString();
        if (!string.Equals(identifier, curve.Identifier, StringComparison.Ordinal))
        {
            throw new FormatException($"OpenSSH private key: {curve.KeyType} key on curve '{identifier}'");
        }

        var q = reader.ReadBinary();
        var d = KeyBlobs.ReadPositiveMpint(ref reader);
        try
        {
            var key = EcdsaHostKey.FromPrivateScalar(curve, d);
            if (!KeyBlobs.EcdsaBlob(curve, q).AsSpan().SequenceEqual(key.PublicKeyBlob))
            {
                key.Dispose();
                throw new FormatException("OpenSSH private key: the ECDSA public point does not match the private scalar");
            }

            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(d);
        }
    }

    /// <summary>mpint n, mpint e, mpint d, mpint iqmp, mpint p, mpint q.</summary>
    private static RsaHostKey ReadRsa(ref SshDataReader reader)
    {
        var n = KeyBlobs.ReadPositiveMpint(ref reader);
        var e = KeyBlobs.ReadPositiveMpint(ref reader);
        var d = KeyBlobs.ReadPositiveMpint(ref reader);
        var iqmp = KeyBlobs.ReadPositiveMpint(ref reader);
        var p = KeyBlobs.ReadPositiveMpint(ref reader);
        var q = KeyBlobs.ReadPositiveMpint(ref reader);

        var modulus = KeyBlobs.ToBigInteger(n);
        var bits = modulus.GetBitLength();
        if (bits < RsaHostKey.MinimumKeySize)
        {
            throw new FormatException($"OpenSSH private key: RSA key of {bits} bits, at least {RsaHostKey.MinimumKeySize} required");
        }

        var bigP = KeyBlobs.ToBigInteger(p);
        var bigQ = KeyBlobs.ToBigInteger(q);
        var bigD = KeyBlobs.ToBigInteger(d);
        if (bigP <= 1 || bigQ <= 1 || bigP * bigQ != modulus || (KeyBlobs.ToBigInteger(iqmp) * bigQ % bigP) != 1)
        {
            throw new FormatException("OpenSSH private key: inconsistent RSA parameters");
        }

        // .NET wants D as long as the modulus and the CRT values half as long.
        var half = (n.Length + 1) / 2;
        var parameters = new RSAParameters
        {
            Modulus = n,
            Exponent = e,
            D = KeyBlobs.PadLeft(d, n.Length),
            P = KeyBlobs.PadLeft(p, half),
            Q = KeyBlobs.PadLeft(q, half),
            DP = KeyBlobs.PadLeft((bigD % (bigP - 1)).ToByteArray(isUnsigned: true, isBigEndian: true), half),
            DQ = KeyBlobs.PadLeft((bigD % (bigQ - 1)).ToByteArray(isUnsigned: true, isBigEndian: true), half),
            InverseQ = KeyBlobs.PadLeft(iqmp, half),
        };
        if (parameters.D is null || parameters.P is null || parameters.Q is null || parameters.DP is null || parameters.DQ is null || parameters.InverseQ is null)
        {
            throw new FormatException("OpenSSH private key: RSA parameters of unexpected sizes");
        }

        return RsaHostKey.FromParameters(parameters);
    }
}
