using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Geralt;
using VirtualFirewall.Ssh.Algorithms.Ciphers;
using VirtualFirewall.Ssh.Algorithms.HostKeys;
using VirtualFirewall.Ssh.Algorithms.KeyExchange;
using VirtualFirewall.Ssh.IO;
using VirtualFirewall.Ssh.Messages.KeyExchange;
using VirtualFirewall.Ssh.Messages.Transport;

namespace VirtualFirewall.Benchmarks;

/// <summary>
/// The server side of one `curve25519-sha256` exchange with an `ssh-ed25519` host key, as the session's
/// key exchange does it once the client's KEX_ECDH_INIT is in: build our KEXINIT, read the client's,
/// fresh X25519 keys, the shared secret, the exchange hash H, the host key's signature over H, the
/// KEX_ECDH_REPLY payload, the six derived keys and the chacha20-poly1305 sealer and opener. Algorithm
/// negotiation, the exchange hash and key derivation are internal or private to the Ssh project, so
/// <see cref="FullExchange"/> repeats them with the project's public pieces (RFC 4253 §7.2, §8).
/// </summary>
[MemoryDiagnoser]
public class KeyExchangeBenchmarks
{
    private const string ClientVersion = "SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13";
    private const string ServerVersion = "SSH-2.0-PanOS";
    private const string Cipher = "chacha20-poly1305@openssh.com";

    private Ed25519HostKey _hostKey = null!;
    private byte[] _clientKexInit = null!;
    private byte[] _clientEcdhInit = null!;
    private byte[] _clientPublic = null!;
    private byte[] _hash = null!;

    [GlobalSetup]
    public void Setup()
    {
        _hostKey = Ed25519HostKey.Generate();
        var clientPrivate = new byte[X25519.PrivateKeySize];
        _clientPublic = new byte[X25519.PublicKeySize];
        X25519.GenerateKeyPair(_clientPublic, clientPrivate);
        _clientEcdhInit = new KexEcdhInitMessage(_clientPublic).ToPayload();

        // What OpenSSH 9.6 offers, in its order.
        _clientKexInit = new KexInitMessage(
            KexInitMessage.NewCookie(),
            ["sntrup761x25519-sha512@openssh.com", "curve25519-sha256", "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521", "diffie-hellman-group-exchange-sha256", "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512", "diffie-hellman-group14-sha256", "ext-info-c", "kex-strict-c-v00@openssh.com"],
            ["ssh-ed25519-cert-v01@openssh.com", "ecdsa-sha2-nistp256-cert-v01@openssh.com", "ssh-ed25519", "ecdsa-sha2-nistp256", "rsa-sha2-512", "rsa-sha2-256"],
            [Cipher, "aes128-ctr", "aes192-ctr", "aes256-ctr", "aes128-gcm@openssh.com", "aes256-gcm@openssh.com"],
            [Cipher, "aes128-ctr", "aes192-ctr", "aes256-ctr", "aes128-gcm@openssh.com", "aes256-gcm@openssh.com"],
            ["umac-64-etm@openssh.com", "umac-128-etm@openssh.com", "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-sha1-etm@openssh.com", "umac-64@openssh.com", "umac-128@openssh.com", "hmac-sha2-256", "hmac-sha2-512", "hmac-sha1"],
            ["umac-64-etm@openssh.com", "umac-128-etm@openssh.com", "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-sha1-etm@openssh.com", "umac-64@openssh.com", "umac-128@openssh.com", "hmac-sha2-256", "hmac-sha2-512", "hmac-sha1"],
            ["none", "zlib@openssh.com"],
            ["none", "zlib@openssh.com"],
            [],
            []).ToPayload();
        _hash = SHA256.HashData(_clientKexInit);
        using var check = FullExchange();
        if (check.Reply.AsSpan().IndexOf(_hostKey.PublicKey) < 0)
        {
            throw new InvalidOperationException("the reply does not carry the host key");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _hostKey.Dispose();

    /// <summary>Everything the server computes for one exchange, from its KEXINIT to its new sealer and opener.</summary>
    [Benchmark]
    public ExchangeOutcome FullExchange()
    {
        var serverKexInit = new KexInitMessage(
            KexInitMessage.NewCookie(), [.. KeyExchangeAlgorithms.Names, "kex-strict-s-v00@openssh.com"], _hostKey.SignatureAlgorithms,
            PacketProtection.Ciphers, PacketProtection.Ciphers, PacketProtection.Macs, PacketProtection.Macs,
            ["none"], ["none"], [], [], false, 0).ToPayload();
        _ = KexInitMessage.Read(_clientKexInit);

        using var kex = KeyExchangeAlgorithms.Create(Curve25519KeyExchange.StandardName);
        var clientPublic = KexEcdhInitMessage.Read(_clientEcdhInit).ClientPublic;
        var result = kex.Respond(clientPublic);
        var hostKeyBlob = _hostKey.PublicKeyBlob;
        var exchange = new SshDataWriter(2048)
            .WriteString(ClientVersion)
            .WriteString(ServerVersion)
            .WriteBinary(_clientKexInit)
            .WriteBinary(serverKexInit)
            .WriteBinary(hostKeyBlob)
            .WriteBinary(clientPublic)
            .WriteBinary(result.ServerPublic)
            .WriteMpintUnsigned(result.SharedSecret);
        var hash = SHA256.HashData(exchange.Written);
        var signature = _hostKey.Sign(Ed25519HostKey.Algorithm, hash);
        var reply = new KexEcdhReplyMessage(hostKeyBlob, result.ServerPublic, signature).ToPayload();

        var k = result.SharedSecret;
        var opener = PacketProtection.CreateOpener(
            Cipher, null, Derive(k, hash, 'C', hash, PacketProtection.KeySize(Cipher)), Derive(k, hash, 'A', hash, PacketProtection.IvSize(Cipher)), []);
        var sealer = PacketProtection.CreateSealer(
            Cipher, null, Derive(k, hash, 'D', hash, PacketProtection.KeySize(Cipher)), Derive(k, hash, 'B', hash, PacketProtection.IvSize(Cipher)), []);
        CryptographicOperations.ZeroMemory(k);
        return new ExchangeOutcome(reply, sealer, opener);
    }

    /// <summary>The X25519 part alone: fresh ephemeral keys and the shared secret.</summary>
    [Benchmark]
    public KeyExchangeResult Curve25519Respond()
    {
        using var kex = new Curve25519KeyExchange();
        return kex.Respond(_clientPublic);
    }

    /// <summary>The host key's signature over a 32-byte exchange hash alone.</summary>
    [Benchmark]
    public byte[] Ed25519Sign() => _hostKey.Sign(Ed25519HostKey.Algorithm, _hash);

    /// <summary>RFC 4253 §7.2 as the Ssh project's internal KeyDerivation does it: HASH(K || H || letter || session_id), extended by HASH(K || H || K1 ...).</summary>
    private static byte[] Derive(ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> exchangeHash, char letter, ReadOnlySpan<byte> sessionId, int length)
    {
        if (length == 0)
        {
            return [];
        }

        var k = new SshDataWriter().WriteMpintUnsigned(sharedSecret).ToArray();
        var first = new SshDataWriter().WriteRaw(k).WriteRaw(exchangeHash).WriteByte((byte)letter).WriteRaw(sessionId);
        var key = new List<byte>(SHA256.HashData(first.Written));
        while (key.Count < length)
        {
            var more = new SshDataWriter().WriteRaw(k).WriteRaw(exchangeHash).WriteRaw([.. key]);
            key.AddRange(SHA256.HashData(more.Written));
        }

        return [.. key.Take(length)];
    }
}
