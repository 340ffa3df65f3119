using System.Numerics;
using System.Security.Cryptography;
using VirtualFirewall.Ssh;
using VirtualFirewall.Ssh.Algorithms.KeyExchange;

namespace VirtualFirewall.Tests.Ssh.KeyExchange;

public sealed class DiffieHellmanGroup14KeyExchangeTests
{
    private static readonly BigInteger P = DiffieHellmanGroup14KeyExchange.Prime;

    [Test]
    public void The_prime_is_rfc_3526_group_14()
    {
        // RFC 3526 §3: 2048 bits, 64 one bits at each end, and its SHA-256 as published values give it.
        var bytes = P.ToByteArray(isUnsigned: true, isBigEndian: true);
        Assert.Multiple(() =>
        {
            Assert.That(P.GetBitLength(), Is.EqualTo(2048));
            Assert.That(bytes[..8], Is.All.EqualTo(0xFF));
            Assert.That(bytes[^8..], Is.All.EqualTo(0xFF));
            Assert.That(Convert.ToHexString(bytes[8..16]), Is.EqualTo("C90FDAA22168C234"));
            Assert.That(Convert.ToHexString(bytes[^16..^8]), Is.EqualTo("15728E5A8AACAA68"));

            // A safe prime: (p - 1) / 2 is prime, so 2 generates the subgroup of order q (Fermat test to base 3).
            var q = (P - 1) / 2;
            Assert.That(BigInteger.ModPow(3, P - 1, P), Is.EqualTo(BigInteger.One));
            Assert.That(BigInteger.ModPow(3, q - 1, q), Is.EqualTo(BigInteger.One));
        });
    }

    [Test]
    public void Describes_itself()
    {
        using var kex = KeyExchangeAlgorithms.Create("diffie-hellman-group14-sha256");
        Assert.Multiple(() =>
        {
            Assert.That(kex, Is.TypeOf<DiffieHellmanGroup14KeyExchange>());
            Assert.That(kex.Name, Is.EqualTo("diffie-hellman-group14-sha256"));
            Assert.That(kex.HashAlgorithm, Is.EqualTo(HashAlgorithmName.SHA256));
            Assert.That(kex.UsesMpint, Is.True);
        });
    }

    [Test]
    public void Both_sides_agree_over_many_exchanges()
    {
        for (var i = 0; i < 500; i++)
        {
            var x = new BigInteger(RandomNumberGenerator.GetBytes(32), isUnsigned: true, isBigEndian: true);
            var e = BigInteger.ModPow(2, x, P);
            using var kex = new DiffieHellmanGroup14KeyExchange();
            var result = kex.Respond(e.ToByteArray(isUnsigned: true, isBigEndian: true));

            var f = new BigInteger(result.ServerPublic, isUnsigned: true, isBigEndian: true);
            Assert.That(f, Is.GreaterThan(BigInteger.One).And.LessThan(P - 1));
            var k = BigInteger.ModPow(f, x, P);
            Assert.That(result.SharedSecret, Is.EqualTo(k.ToByteArray(isUnsigned: true, isBigEndian: true)), $"exchange {i}");
        }
    }

    [Test]
    public void Accepts_e_with_leading_zero_bytes()
    {
        var x = new BigInteger(RandomNumberGenerator.GetBytes(32), isUnsigned: true, isBigEndian: true);
        var e = BigInteger.ModPow(2, x, P);
        using var kex = new DiffieHellmanGroup14KeyExchange();
        var result = kex.Respond([0, 0, .. e.ToByteArray(isUnsigned: true, isBigEndian: true)]);
        var k = BigInteger.ModPow(new BigInteger(result.ServerPublic, isUnsigned: true, isBigEndian: true), x, P);
        Assert.That(result.SharedSecret, Is.EqualTo(k.ToByteArray(isUnsigned: true, isBigEndian: true)));
    }

    [Test]
    public void Private_exponents_differ_between_instances()
    {
        var e = BigInteger.ModPow(2, 12345, P).ToByteArray(isUnsigned: true, isBigEndian: true);
        using var first = new DiffieHellmanGroup14KeyExchange();
        using var second = new DiffieHellmanGroup14KeyExchange();
        Assert.That(first.Respond(e).ServerPublic, Is.Not.EqualTo(second.Respond(e).ServerPublic));
    }

    [Test]
    public void The_bounds_themselves_are_just_inside()
    {
        using var two = new DiffieHellmanGroup14KeyExchange();
        using var pMinusTwo = new DiffieHellmanGroup14KeyExchange();
        Assert.Multiple(() =>
        {
            Assert.That(() => two.Respond([2]), Throws.Nothing);
            Assert.That(() => pMinusTwo.Respond((P - 2).ToByteArray(isUnsigned: true, isBigEndian: true)), Throws.Nothing);
        });
    }

    [TestCase("0")]
    [TestCase("1")]
    [TestCase("p-1")]
    [TestCase("p")]
    [TestCase("p+1")]
    [TestCase("2^2048")]
    public void Rejects_e_out_of_range(string which)
    {
        var e = which switch
        {
            "0" => BigInteger.Zero,
            "1" => BigInteger.One,
            "p-1" => P - 1,
            "p" => P,
            "p+1" => P + 1,
            _ => BigInteger.One << 2048,
        };
        using var kex = new DiffieHellmanGroup14KeyExchange();
        var ex = Assert.Throws<SshProtocolException>(() => kex.Respond(e.ToByteArray(isUnsigned: true, isBigEndian: true)));
        Assert.That(ex.Reason, Is.EqualTo(SshDisconnectReason.KeyExchangeFailed));
    }

    [Test]
    public void Rejects_an_empty_e()
    {
        using var kex = new DiffieHellmanGroup14KeyExchange();
        var ex = Assert.Throws<SshProtocolException>(() => kex.Respond([]));
        Assert.That(ex.Reason, Is.EqualTo(SshDisconnectReason.KeyExchangeFailed));
    }

    [Test]
    public void Answers_only_once()
    {
        using var kex = new DiffieHellmanGroup14KeyExchange();
        kex.Respond([2]);
        Assert.Throws<InvalidOperationException>(() => kex.Respond([2]));
    }
}
