using System.Security.Cryptography;
using Geralt;

namespace VirtualFirewall.Ssh.Algorithms.KeyExchange;

/// <summary>
/// `curve25519-sha256` and its older name `curve25519-sha256@libssh.org` (RFC 8731): Q_C and Q_S are
/// 32-byte X25519 public keys, K is the 32-byte X25519 output read as a big-endian unsigned number
/// (RFC 8731 §3.1), hashed as an mpint by the transport.
/// </summary>
public sealed class Curve25519KeyExchange : KeyExchangeAlgorithm
{
    public const string StandardName = "curve25519-sha256";
    public const string LibsshName = "curve25519-sha256@libssh.org";

    private readonly byte[] _privateKey = new byte[X25519.PrivateKeySize];
    private readonly byte[] _publicKey = new byte[X25519.PublicKeySize];
    private bool _responded;
    private bool _disposed;

    public Curve25519KeyExchange()
        : this(StandardName)
    {
    }

    /// <param name="name">Either of the two names of the method; they differ only in name.</param>
    public Curve25519KeyExchange(string name)
    {
        if (name is not (StandardName or LibsshName))
        {
            throw new ArgumentException($"not a curve25519 key exchange name: {name}", nameof(name));
        }

        Name = name;
        X25519.GenerateKeyPair(_publicKey, _privateKey);
    }

    public override string Name { get; }

    public override HashAlgorithmName HashAlgorithm => HashAlgorithmName.SHA256;

    public override bool UsesMpint => false;

    public override KeyExchangeResult Respond(ReadOnlySpan<byte> clientPublic)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_responded)
        {
            throw new InvalidOperationException("a key exchange instance answers once");
        }

        _responded = true;

        // RFC 8731 §3: public keys are exactly 32 bytes.
        if (clientPublic.Length != X25519.PublicKeySize)
        {
            throw new SshProtocolException(
                SshDisconnectReason.KeyExchangeFailed,
                $"X25519 client public key of {clientPublic.Length} bytes, expected {X25519.PublicKeySize}");
        }

        var shared = new byte[X25519.SharedSecretSize];
        try
        {
            // libsodium refuses a low-order point, whose result is all zeros.
            X25519.ComputeSharedSecret(shared, _privateKey, clientPublic);
        }
        catch (CryptographicException e)
        {
            throw new SshProtocolException(SshDisconnectReason.KeyExchangeFailed, "X25519 client public key of low order: " + e.Message);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(_privateKey);
        }

        // RFC 8731 §3: an all-zero shared secret must be refused.
        if (IsAllZero(shared))
        {
            throw new SshProtocolException(SshDisconnectReason.KeyExchangeFailed, "X25519 shared secret is all zeros");
        }

        return new KeyExchangeResult((byte[])_publicKey.Clone(), shared);
    }

    protected override void Dispose(bool disposing)
    {
        CryptographicOperations.ZeroMemory(_privateKey);
        _disposed = true;
        base.Dispose(disposing);
    }

    private static bool IsAllZero(ReadOnlySpan<byte> bytes)
    {
        var accumulator = 0;
        foreach (var b in bytes)
        {
            accumulator |= b;
        }

        return accumulator == 0;
    }
}
