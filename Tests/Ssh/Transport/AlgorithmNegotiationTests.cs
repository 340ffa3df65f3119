using VirtualFirewall.Ssh;
using VirtualFirewall.Ssh.Messages.Transport;
using VirtualFirewall.Ssh.Transport;

namespace VirtualFirewall.Tests.Ssh.Transport;

[TestFixture]
public sealed class AlgorithmNegotiationTests
{
    private static readonly KexInitMessage Server = KexInit(
        ["curve25519-sha256", "ecdh-sha2-nistp256", "kex-strict-s-v00@openssh.com"],
        ["ssh-ed25519", "rsa-sha2-512"],
        ["chacha20-poly1305@openssh.com", "aes128-ctr"],
        ["hmac-sha2-256-etm@openssh.com", "hmac-sha2-256"]);

    [Test]
    public void TheClientsOrderDecides()
    {
        var client = KexInit(["ecdh-sha2-nistp256", "curve25519-sha256"], ["rsa-sha2-512", "ssh-ed25519"], ["aes128-ctr", "chacha20-poly1305@openssh.com"], ["hmac-sha2-256", "hmac-sha2-256-etm@openssh.com"]);

        var chosen = AlgorithmNegotiation.Negotiate(client, Server);

        Assert.That(chosen, Is.EqualTo(new NegotiatedAlgorithms("ecdh-sha2-nistp256", "rsa-sha2-512", "aes128-ctr", "aes128-ctr", "hmac-sha2-256", "hmac-sha2-256")));
    }

    [Test]
    public void MarkersAreNeverChosen()
    {
        var client = KexInit(["ext-info-c", "kex-strict-c-v00@openssh.com", "kex-strict-s-v00@openssh.com", "curve25519-sha256"], ["ssh-ed25519"], ["aes128-ctr"], ["hmac-sha2-256"]);

        Assert.That(AlgorithmNegotiation.Negotiate(client, Server).KeyExchange, Is.EqualTo("curve25519-sha256"));
    }

    [Test]
    public void AnAeadCipherHasNoMac()
    {
        var client = KexInit(["curve25519-sha256"], ["ssh-ed25519"], ["chacha20-poly1305@openssh.com"], ["hmac-sha1"]);

        var chosen = AlgorithmNegotiation.Negotiate(client, Server);

        Assert.That((chosen.MacClientToServer, chosen.MacServerToClient), Is.EqualTo(((string?)null, (string?)null)));
    }

    [TestCase("kex")]
    [TestCase("hostkey")]
    [TestCase("cipher")]
    [TestCase("mac")]
    [TestCase("compression")]
    public void NoCommonAlgorithmFailsTheKeyExchange(string list)
    {
        var client = KexInit(
            list == "kex" ? ["diffie-hellman-group1-sha1"] : ["curve25519-sha256"],
            list == "hostkey" ? ["ssh-rsa", "ssh-dss"] : ["ssh-ed25519"],
            list == "cipher" ? ["3des-cbc"] : ["aes128-ctr"],
            list == "mac" ? ["hmac-sha1"] : ["hmac-sha2-256"],
            list == "compression" ? ["zlib"] : ["none"]);

        Assert.That(
            () => AlgorithmNegotiation.Negotiate(client, Server),
            Throws.TypeOf<SshProtocolException>().With.Property(nameof(SshProtocolException.Reason)).EqualTo(SshDisconnectReason.KeyExchangeFailed));
    }

    [Test]
    public void AWrongGuessIsRecognised()
    {
        var client = KexInit(["ecdh-sha2-nistp256", "curve25519-sha256"], ["ssh-ed25519"], ["aes128-ctr"], ["hmac-sha2-256"]);
        var chosen = AlgorithmNegotiation.Negotiate(client, Server);
        Assert.That(AlgorithmNegotiation.GuessWasRight(client, chosen), Is.True);

        var wrong = KexInit(["diffie-hellman-group1-sha1", "curve25519-sha256"], ["ssh-ed25519"], ["aes128-ctr"], ["hmac-sha2-256"]);
        Assert.That(AlgorithmNegotiation.GuessWasRight(wrong, AlgorithmNegotiation.Negotiate(wrong, Server)), Is.False);
    }

    private static KexInitMessage KexInit(string[] kex, string[] hostKeys, string[] ciphers, string[] macs, string[]? compression = null) =>
        new(new byte[16], kex, hostKeys, ciphers, ciphers, macs, macs, compression ?? ["none"], compression ?? ["none"], [], [], false, 0);
}
