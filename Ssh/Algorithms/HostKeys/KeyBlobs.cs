using System.Numerics;
using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Algorithms.HostKeys;

/// <summary>Encodings shared by host keys, key files and signature checks.</summary>
internal static class KeyBlobs
{
    public const string Ed25519 = "ssh-ed25519";
    public const string Rsa = "ssh-rsa";
    public const string RsaSha256 = "rsa-sha2-256";
    public const string RsaSha512 = "rsa-sha2-512";

    /// <summary>RFC 8709 §4: string "ssh-ed25519", string key.</summary>
    public static byte[] Ed25519Blob(ReadOnlySpan<byte> publicKey) =>
        new SshDataWriter().WriteString(Ed25519).WriteBinary(publicKey).ToArray();

    /// <summary>RFC 5656 §3.1: string "ecdsa-sha2-[identifier]", string [identifier], string Q.</summary>
    public static byte[] EcdsaBlob(NistCurve curve, ReadOnlySpan<byte> q) =>
        new SshDataWriter().WriteString(curve.KeyType).WriteString(curve.Identifier).WriteBinary(q).ToArray();

    /// <summary>RFC 4253 §6.6: string "ssh-rsa", mpint e, mpint n.</summary>
    public static byte[] RsaBlob(ReadOnlySpan<byte> exponent, ReadOnlySpan<byte> modulus) =>
        new SshDataWriter().WriteString(Rsa).WriteMpintUnsigned(exponent).WriteMpintUnsigned(modulus).ToArray();

    /// <summary>A signature blob: string algorithm name, string signature (RFC 4253 §6.6).</summary>
    public static byte[] SignatureBlob(string algorithm, ReadOnlySpan<byte> signature) =>
        new SshDataWriter().WriteString(algorithm).WriteBinary(signature).ToArray();

    /// <summary>
    /// An mpint that must be positive, as minimal unsigned big-endian bytes. A negative value is a
    /// format error; a redundant leading zero is tolerated, as OpenSSH does.
    /// </summary>
    public static byte[] ReadPositiveMpint(ref SshDataReader reader)
    {
        var value = reader.ReadMpint();
        if (value.Sign <= 0)
        {
            throw new SshProtocolException("mpint not positive");
        }

        return value.ToByteArray(isUnsigned: true, isBigEndian: true);
    }

    public static BigInteger ToBigInteger(ReadOnlySpan<byte> unsignedBigEndian) =>
        new(unsignedBigEndian, isUnsigned: true, isBigEndian: true);

    /// <summary>Left-pads a big-endian number with zeros to <paramref name="length"/>; null when it is longer.</summary>
    public static byte[]? PadLeft(ReadOnlySpan<byte> bigEndian, int length)
    {
        var start = 0;
        while (start < bigEndian.Length && bigEndian[start] == 0)
        {
            start++;
        }

        var magnitude = bigEndian[start..];
        if (magnitude.Length > length)
        {
            return null;
        }

        var result = new byte[length];
        magnitude.CopyTo(result.AsSpan(length - magnitude.Length));
        return result;
    }
}
