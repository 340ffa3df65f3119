using System.Security.Cryptography;
using VirtualFirewall.Ssh.Algorithms.HostKeys;

namespace VirtualFirewall.Ssh.Algorithms.KeyExchange;

/// <summary>
/// `ecdh-sha2-nistp256`, `-nistp384`, `-nistp521` (RFC 5656 §4, §6.2): Q_C and Q_S are uncompressed
/// points, K is the x coordinate of the shared point as an unsigned big-endian number (§4).
/// </summary>
public sealed class EcdhKeyExchange : KeyExchangeAlgorithm
{
    private readonly NistCurve _curve;
    private readonly ECDiffieHellman _ephemeral;
    private bool _responded;

    /// <param name="name">`ecdh-sha2-nistp256`, `ecdh-sha2-nistp384` or `ecdh-sha2-nistp521`.</param>
    public EcdhKeyExchange(string name)
    {
        _curve = name switch
        {
            "ecdh-sha2-nistp256" => NistCurve.P256,
            "ecdh-sha2-nistp384" => NistCurve.P384,
            "ecdh-sha2-nistp521" => NistCurve.P521,
            _ => throw new ArgumentException($"not an ECDH key exchange name: {name}", nameof(name)),
        };
        Name = name;
        _ephemeral = ECDiffieHellman.Create(_curve.Curve);
    }

    public override string Name { get; }

    public override HashAlgorithmName HashAlgorithm => _curve.Hash;

    public override bool UsesMpint => false;

    public override KeyExchangeResult Respond(ReadOnlySpan<byte> clientPublic)
    {
        if (_responded)
        {
            throw new InvalidOperationException("a key exchange instance answers once");
        }

        _responded = true;

        // RFC 5656 §4: the server must verify Q_C is a valid point on the curve (SEC 1 §3.2.2.1).
        var point = _curve.DecodePoint(clientPublic)
            ?? throw new SshProtocolException(
                SshDisconnectReason.KeyExchangeFailed,
                $"{Name} client key is not an uncompressed {_curve.PointSize}-byte point");

        byte[] shared;
        try
        {
            using var client = ECDiffieHellman.Create(_curve.PublicParameters(point));
            shared = _ephemeral.DeriveRawSecretAgreement(client.PublicKey);
        }
        catch (CryptographicException e)
        {
            throw new SshProtocolException(SshDisconnectReason.KeyExchangeFailed, $"{Name} client key is not on the curve: {e.Message}");
        }

        var ours = _curve.EncodePoint(_ephemeral.ExportParameters(includePrivateParameters: false).Q);
        return new KeyExchangeResult(ours, shared);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ephemeral.Dispose();
        }

        base.Dispose(disposing);
    }
}
