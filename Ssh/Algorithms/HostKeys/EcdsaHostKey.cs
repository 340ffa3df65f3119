using System.Security.Cryptography;
using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Algorithms.HostKeys;

/// <summary>An `ecdsa-sha2-nistp256` (or nistp384, nistp521) host key (RFC 5656 §3).</summary>
public sealed class EcdsaHostKey : HostKey
{
    public const string Nistp256 = "ecdsa-sha2-nistp256";
    public const string Nistp384 = "ecdsa-sha2-nistp384";
    public const string Nistp521 = "ecdsa-sha2-nistp521";

    private readonly NistCurve _curve;
    private readonly ECDsa _key;
    private readonly byte[] _blob;
    private readonly IReadOnlyList<string> _algorithms;

    private EcdsaHostKey(NistCurve curve, ECDsa key)
    {
        _curve = curve;
        _key = key;
        _blob = KeyBlobs.EcdsaBlob(curve, curve.EncodePoint(key.ExportParameters(includePrivateParameters: false).Q));
        _algorithms = [curve.KeyType];
    }

    public override string KeyType => _curve.KeyType;

    public override IReadOnlyList<string> SignatureAlgorithms => _algorithms;

    public override byte[] PublicKeyBlob => (byte[])_blob.Clone();

    /// <summary>A new `ecdsa-sha2-nistp256` key.</summary>
    public static EcdsaHostKey Generate() => Generate(Nistp256);

    /// <param name="keyType">`ecdsa-sha2-nistp256`, `ecdsa-sha2-nistp384` or `ecdsa-sha2-nistp521`.</param>
    public static EcdsaHostKey Generate(string keyType)
    {
        var curve = NistCurve.FromKeyType(keyType)
            ?? throw new ArgumentException($"not an ECDSA key type: {keyType}", nameof(keyType));
        return new EcdsaHostKey(curve, ECDsa.Create(curve.Curve));
    }

    /// <summary>The key with private scalar <paramref name="d"/>; its public point is computed, not trusted.</summary>
    internal static EcdsaHostKey FromPrivateScalar(NistCurve curve, ReadOnlySpan<byte> d)
    {
        var scalar = curve.ToFieldSize(d) ?? throw new CryptographicException("private scalar longer than the field");
        try
        {
            var parameters = new ECParameters { Curve = curve.Curve, D = scalar };
            parameters.Validate();
            return new EcdsaHostKey(curve, ECDsa.Create(parameters));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scalar);
        }
    }

    public override byte[] Sign(string signatureAlgorithm, ReadOnlySpan<byte> data)
    {
        if (!string.Equals(signatureAlgorithm, _curve.KeyType, StringComparison.Ordinal))
        {
            throw new ArgumentException($"an {_curve.KeyType} key does not sign for {signatureAlgorithm}", nameof(signatureAlgorithm));
        }

        // .NET gives r || s at fixed width (IEEE P1363); RFC 5656 §3.1.2 wants mpint r, mpint s.
        var fixedWidth = _key.SignData(data, _curve.Hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var inner = new SshDataWriter()
            .WriteMpintUnsigned(fixedWidth.AsSpan(0, _curve.FieldSize))
            .WriteMpintUnsigned(fixedWidth.AsSpan(_curve.FieldSize, _curve.FieldSize));
        return KeyBlobs.SignatureBlob(_curve.KeyType, inner.Written);
    }

    /// <summary>The key-specific part of an OpenSSH private key: string curve identifier, string Q, mpint d.</summary>
    internal void WriteOpenSshPrivate(SshDataWriter writer)
    {
        var parameters = _key.ExportParameters(includePrivateParameters: true);
        try
        {
            writer.WriteString(_curve.Identifier)
                .WriteBinary(_curve.EncodePoint(parameters.Q))
                .WriteMpintUnsigned(parameters.D);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(parameters.D);
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
