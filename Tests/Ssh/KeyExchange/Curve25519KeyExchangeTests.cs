using System.Security.Cryptography;
using Geralt;
using VirtualFirewall.Ssh;
using VirtualFirewall.Ssh.Algorithms.KeyExchange;
using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Tests.Ssh.KeyExchange;

public sealed class Curve25519KeyExchangeTests
{
    /// <summary>Points of small order (libsodium's blocklist, from the Curve25519 paper), with which the shared secret is all zeros.</summary>
    private static readonly string[] LowOrderPoints =
    [
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    ];

    [TestCase(Curve25519KeyExchange.StandardName)]
    [TestCase(Curve25519KeyExchange.LibsshName)]
    public void Both_sides_agree_over_many_exchanges(string name)
    {
        var clientPublic = new byte[X25519.PublicKeySize];
        var clientPrivate = new byte[X25519.PrivateKeySize];
        var clientShared = new byte[X25519.SharedSecretSize];
        for (var i = 0; i < 500; i++)
        {
            X25519.GenerateKeyPair(clientPublic, clientPrivate);
            using var kex = KeyExchangeAlgorithms.Create(name);
            var result = kex.Respond(clientPublic);
            X25519.ComputeSharedSecret(clientShared, clientPrivate, result.ServerPublic);

            Assert.That(result.ServerPublic, Has.Length.EqualTo(32));
            // The raw 32 bytes, not reversed and not stripped: the transport's mpint encoder strips leading zeros.
            Assert.That(result.SharedSecret, Is.EqualTo(clientShared), $"exchange {i}");
        }
    }

    [Test]
    public void K_is_the_raw_output_read_big_endian()
    {
        var clientPublic = new byte[X25519.PublicKeySize];
        var clientPrivate = new byte[X25519.PrivateKeySize];
        X25519.GenerateKeyPair(clientPublic, clientPrivate);
        using var kex = new Curve25519KeyExchange();
        var result = kex.Respond(clientPublic);

        var asNumber = new System.Numerics.BigInteger(result.SharedSecret, isUnsigned: true, isBigEndian: true);
        var viaSigned = new SshDataWriter().WriteMpint(asNumber).ToArray();
        var viaUnsigned = new SshDataWriter().WriteMpintUnsigned(result.SharedSecret).ToArray();
        Assert.That(viaUnsigned, Is.EqualTo(viaSigned));
    }

    [Test]
    public void Describes_itself()
    {
        using var standard = new Curve25519KeyExchange();
        using var libssh = new Curve25519KeyExchange(Curve25519KeyExchange.LibsshName);
        Assert.Multiple(() =>
        {
            Assert.That(standard.Name, Is.EqualTo("curve25519-sha256"));
            Assert.That(libssh.Name, Is.EqualTo("curve25519-sha256@libssh.org"));
            Assert.That(standard.HashAlgorithm, Is.EqualTo(HashAlgorithmName.SHA256));
            Assert.That(standard.UsesMpint, Is.False);
        });
    }

    [Test]
    public void Each_instance_has_its_own_ephemeral_key()
    {
        var clientPublic = new byte[X25519.PublicKeySize];
        var clientPrivate = new byte[X25519.PrivateKeySize];
        X25519.GenerateKeyPair(clientPublic, clientPrivate);
        using var first = new Curve25519KeyExchange();
        using var second = new Curve25519KeyExchange();
        Assert.That(first.Respond(clientPublic).ServerPublic, Is.Not.EqualTo(second.Respond(clientPublic).ServerPublic));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(31)]
    [TestCase(33)]
    [TestCase(65)]
    public void Rejects_a_key_of_the_wrong_length(int length)
    {
        using var kex = new Curve25519KeyExchange();
        var e = Assert.Throws<SshProtocolException>(() => kex.Respond(new byte[length]));
        Assert.That(e.Reason, Is.EqualTo(SshDisconnectReason.KeyExchangeFailed));
    }

    [TestCaseSource(nameof(LowOrderPoints))]
    public void Rejects_a_point_giving_an_all_zero_secret(string point)
    {
        using var kex = new Curve25519KeyExchange();
        var e = Assert.Throws<SshProtocolException>(() => kex.Respond(Convert.FromHexString(point)));
        Assert.That(e.Reason, Is.EqualTo(SshDisconnectReason.KeyExchangeFailed));
    }

    [Test]
    public void Answers_only_once()
    {
        var clientPublic = new byte[X25519.PublicKeySize];
        var clientPrivate = new byte[X25519.PrivateKeySize];
        X25519.GenerateKeyPair(clientPublic, clientPrivate);
        using var kex = new Curve25519KeyExchange();
        kex.Respond(clientPublic);
        Assert.Throws<InvalidOperationException>(() => kex.Respond(clientPublic));
    }

    [Test]
    public void Refuses_an_unknown_name() =>
        Assert.Throws<ArgumentException>(() => _ = new Curve25519KeyExchange("curve448-sha512"));
}
