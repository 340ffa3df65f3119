using System.Numerics;
using System.Security.Cryptography;

namespace VirtualFirewall.Ssh.Algorithms.KeyExchange;

/// <summary>
/// `diffie-hellman-group14-sha256` (RFC 8268 §3): the 2048-bit MODP group 14 of RFC 3526 §3, g = 2,
/// exchanged as in RFC 4253 §8. e and f travel as mpints; here they are unsigned big-endian bytes.
/// </summary>
public sealed class DiffieHellmanGroup14KeyExchange : KeyExchangeAlgorithm
{
    public const string AlgorithmName = "diffie-hellman-group14-sha256";

    /// <summary>Bits of the private exponent: more than twice the group's 112-bit strength; OpenSSH also uses 512.</summary>
    private const int ExponentBits = 512;

    /// <summary>RFC 3526 §3: p = 2^2048 - 2^1984 - 1 + 2^64 * ( [2^1918 pi] + 124476 ).</summary>
    internal static readonly BigInteger Prime = new(
        Convert.FromHexString(
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1" +
            "29024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
            "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245" +
            "E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
            "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D" +
            "C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
            "83655D23DCA3AD961C62F356208552BB9ED529077096966D" +
            "670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
            "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9" +
            "DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
            "15728E5A8AACAA68FFFFFFFFFFFFFFFF"),
        isUnsigned: true,
        isBigEndian: true);

    internal static readonly BigInteger Generator = 2;

    private BigInteger _exponent;
    private bool _responded;

    public DiffieHellmanGroup14KeyExchange()
    {
        var random = RandomNumberGenerator.GetBytes(ExponentBits / 8);
        random[0] |= 0x80;
        _exponent = new BigInteger(random, isUnsigned: true, isBigEndian: true);
        CryptographicOperations.ZeroMemory(random);
    }

    public override string Name => AlgorithmName;

    public override HashAlgorithmName HashAlgorithm => HashAlgorithmName.SHA256;

    public override bool UsesMpint => true;

    public override KeyExchangeResult Respond(ReadOnlySpan<byte> clientPublic)
    {
        if (_responded)
        {
            throw new InvalidOperationException("a key exchange instance answers once");
        }

        _responded = true;
        var e = new BigInteger(clientPublic, isUnsigned: true, isBigEndian: true);

        // RFC 4253 §8: values of e or f not in [1, p-1] must not be accepted; 1 and p-1 are refused too,
        // since they would fix K to 1 or ±1 whatever our exponent.
        if (e <= BigInteger.One || e >= Prime - BigInteger.One)
        {
            throw new SshProtocolException(SshDisconnectReason.KeyExchangeFailed, "Diffie-Hellman e out of range (1, p-1)");
        }

        var f = BigInteger.ModPow(Generator, _exponent, Prime);
        var k = BigInteger.ModPow(e, _exponent, Prime);
        _exponent = BigInteger.Zero;
        return new KeyExchangeResult(ToUnsigned(f), ToUnsigned(k));
    }

    protected override void Dispose(bool disposing)
    {
        _exponent = BigInteger.Zero;
        base.Dispose(disposing);
    }

    private static byte[] ToUnsigned(BigInteger value) => value.ToByteArray(isUnsigned: true, isBigEndian: true);
}
