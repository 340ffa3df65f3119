using System.Security.Cryptography;

namespace VirtualFirewall.Ssh.Algorithms.HostKeys;

/// <summary>A server host key (RFC 4253 §6.6): its public blob, its signatures, its fingerprint.</summary>
public abstract class HostKey : IDisposable
{
    /// <summary>The key type named in the public key blob: `ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`.</summary>
    public abstract string KeyType { get; }

    /// <summary>The host key algorithms this key signs for, in preference order (RSA: `rsa-sha2-512`, `rsa-sha2-256`).</summary>
    public abstract IReadOnlyList<string> SignatureAlgorithms { get; }

    /// <summary>The public key blob (RFC 4253 §6.6, RFC 5656 §3.1, RFC 8709).</summary>
    public abstract byte[] PublicKeyBlob { get; }

    /// <summary>The signature blob: string algorithm name, string signature (ECDSA: two mpints inside).</summary>
    public abstract byte[] Sign(string signatureAlgorithm, ReadOnlySpan<byte> data);

    /// <summary>`SHA256:` and the unpadded base64 of the blob's SHA-256, as `ssh-keygen -l` prints it.</summary>
    public string Fingerprint => "SHA256:" + Convert.ToBase64String(SHA256.HashData(PublicKeyBlob)).TrimEnd('=');

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
