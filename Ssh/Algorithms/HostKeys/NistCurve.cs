using System.Security.Cryptography;

namespace VirtualFirewall.Ssh.Algorithms.HostKeys;

/// <summary>
/// A NIST prime curve as SSH names it (RFC 5656 §6.1 identifiers; hash by key size, §6.2.1), shared by
/// ECDSA host keys, ECDSA signature checks and the ECDH key exchange.
/// </summary>
internal sealed class NistCurve
{
    public static readonly NistCurve P256 = new("nistp256", ECCurve.NamedCurves.nistP256, HashAlgorithmName.SHA256, 32);
    public static readonly NistCurve P384 = new("nistp384", ECCurve.NamedCurves.nistP384, HashAlgorithmName.SHA384, 48);
    public static readonly NistCurve P521 = new("nistp521", ECCurve.NamedCurves.nistP521, HashAlgorithmName.SHA512, 66);

    private NistCurve(string identifier, ECCurve curve, HashAlgorithmName hash, int fieldSize)
    {
        Identifier = identifier;
        Curve = curve;
        Hash = hash;
        FieldSize = fieldSize;
    }

    /// <summary>`nistp256`, `nistp384` or `nistp521`.</summary>
    public string Identifier { get; }

    /// <summary>`ecdsa-sha2-` and the identifier: the key type and signature algorithm name.</summary>
    public string KeyType => "ecdsa-sha2-" + Identifier;

    public ECCurve Curve { get; }

    public HashAlgorithmName Hash { get; }

    /// <summary>Bytes of one coordinate or scalar.</summary>
    public int FieldSize { get; }

    /// <summary>Bytes of an uncompressed point, 0x04 || X || Y (SEC 1 §2.3.3).</summary>
    public int PointSize => 1 + (2 * FieldSize);

    public static NistCurve? FromIdentifier(string identifier) => identifier switch
    {
        "nistp256" => P256,
        "nistp384" => P384,
        "nistp521" => P521,
        _ => null,
    };

    public static NistCurve? FromKeyType(string keyType) => keyType switch
    {
        "ecdsa-sha2-nistp256" => P256,
        "ecdsa-sha2-nistp384" => P384,
        "ecdsa-sha2-nistp521" => P521,
        _ => null,
    };

    public byte[] EncodePoint(ECPoint point)
    {
        var encoded = new byte[PointSize];
        encoded[0] = 0x04;
        CopyRightAligned(point.X!, encoded.AsSpan(1, FieldSize));
        CopyRightAligned(point.Y!, encoded.AsSpan(1 + FieldSize, FieldSize));
        return encoded;
    }

    /// <summary>
    /// Splits an uncompressed point; null when the length or the prefix is wrong. Whether the point is on
    /// the curve is checked when it is imported (OpenSSL refuses it).
    /// </summary>
    public ECPoint? DecodePoint(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length != PointSize || encoded[0] != 0x04)
        {
            return null;
        }

        return new ECPoint
        {
            X = encoded.Slice(1, FieldSize).ToArray(),
            Y = encoded.Slice(1 + FieldSize, FieldSize).ToArray(),
        };
    }

    /// <summary>A public key's parameters; throws <see cref="CryptographicException"/> for an invalid point.</summary>
    public ECParameters PublicParameters(ECPoint q)
    {
        var parameters = new ECParameters { Curve = Curve, Q = q };
        parameters.Validate();
        return parameters;
    }

    /// <summary>Left-pads a big-endian number to <see cref="FieldSize"/>; null when it does not fit.</summary>
    public byte[]? ToFieldSize(ReadOnlySpan<byte> bigEndian) => KeyBlobs.PadLeft(bigEndian, FieldSize);

    private static void CopyRightAligned(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.Length > destination.Length)
        {
            throw new CryptographicException("coordinate longer than the field");
        }

        destination.Clear();
        source.CopyTo(destination[(destination.Length - source.Length)..]);
    }
}
