using System.Security.Cryptography;

namespace VirtualFirewall.Ssh.Algorithms.KeyExchange;

/// <summary>The server side of one key exchange method (RFC 4253 §8, RFC 5656 §4, RFC 8731).</summary>
public abstract class KeyExchangeAlgorithm : IDisposable
{
    public abstract string Name { get; }

    /// <summary>HASH of the exchange hash and key derivation.</summary>
    public abstract HashAlgorithmName HashAlgorithm { get; }

    /// <summary>
    /// True for Diffie-Hellman groups, whose e and f travel and are hashed as mpints; false for ECDH
    /// and X25519, whose Q_C and Q_S are strings.
    /// </summary>
    public abstract bool UsesMpint { get; }

    /// <summary>
    /// Answers the client's public value (Q_C, or e as unsigned big-endian bytes) with ours (Q_S, or f
    /// as unsigned big-endian bytes) and the shared secret K as unsigned big-endian bytes. An invalid
    /// client value throws <see cref="SshProtocolException"/> with reason KeyExchangeFailed.
    /// </summary>
    public abstract KeyExchangeResult Respond(ReadOnlySpan<byte> clientPublic);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
