using System.Security.Cryptography;
using VirtualFirewall.Ssh;
using VirtualFirewall.Ssh.Algorithms.KeyExchange;

namespace VirtualFirewall.Tests.Ssh.KeyExchange;

public sealed class EcdhKeyExchangeTests
{
    private static readonly TestCaseData[] Curves =
    [
        new TestCaseData("ecdh-sha2-nistp256", ECCurve.NamedCurves.nistP256, HashAlgorithmName.SHA256, 32).SetArgDisplayNames("nistp256"),
        new TestCaseData("ecdh-sha2-nistp384", ECCurve.NamedCurves.nistP384, HashAlgorithmName.SHA384, 48).SetArgDisplayNames("nistp384"),
        new TestCaseData("ecdh-sha2-nistp521", ECCurve.NamedCurves.nistP521, HashAlgorithmName.SHA512, 66).SetArgDisplayNames("nistp521"),
    ];

    /// <summary>The field primes (FIPS 186-4 §D.1.2), for a coordinate that is out of range.</summary>
    private static readonly Dictionary<string, string> Primes = new()
    {
        ["ecdh-sha2-nistp256"] = "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff",
        ["ecdh-sha2-nistp384"] = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff",
        ["ecdh-sha2-nistp521"] = "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    };

    [TestCaseSource(nameof(Curves))]
    public void Describes_itself(string name, ECCurve curve, HashAlgorithmName hash, int fieldSize)
    {
        using var kex = KeyExchangeAlgorithms.Create(name);
        Assert.Multiple(() =>
        {
            Assert.That(kex, Is.TypeOf<EcdhKeyExchange>());
            Assert.That(kex.Name, Is.EqualTo(name));
            Assert.That(kex.HashAlgorithm, Is.EqualTo(hash));
            Assert.That(kex.UsesMpint, Is.False);
        });
    }

    [TestCaseSource(nameof(Curves))]
    public void Both_sides_agree_over_many_exchanges(string name, ECCurve curve, HashAlgorithmName hash, int fieldSize)
    {
        for (var i = 0; i < 500; i++)
        {
            using var client = ECDiffieHellman.Create(curve);
            using var kex = KeyExchangeAlgorithms.Create(name);
            var result = kex.Respond(Encode(client.ExportParameters(false).Q, fieldSize));

            Assert.That(result.ServerPublic, Has.Length.EqualTo(1 + (2 * fieldSize)));
            Assert.That(result.ServerPublic[0], Is.EqualTo(0x04));
            using var server = ECDiffieHellman.Create(Decode(curve, result.ServerPublic, fieldSize));
            var clientShared = client.DeriveRawSecretAgreement(server.PublicKey);

            // K is the x coordinate at full field width; the transport's mpint encoder strips leading zeros.
            Assert.That(result.SharedSecret, Has.Length.EqualTo(fieldSize));
            Assert.That(result.SharedSecret, Is.EqualTo(clientShared), $"exchange {i}");
        }
    }

    [TestCaseSource(nameof(Curves))]
    public void Rejects_a_point_of_the_wrong_length(string name, ECCurve curve, HashAlgorithmName hash, int fieldSize)
    {
        using var client = ECDiffieHellman.Create(curve);
        var point = Encode(client.ExportParameters(false).Q, fieldSize);
        AssertRejected(name, []);
        AssertRejected(name, point[..^1]);
        AssertRejected(name, [.. point, 0]);
        AssertRejected(name, point[..(1 + fieldSize)]);
    }

    [TestCaseSource(nameof(Curves))]
    public void Rejects_a_compressed_or_hybrid_point(string name, ECCurve curve, HashAlgorithmName hash, int fieldSize)
    {
        using var client = ECDiffieHellman.Create(curve);
        var point = Encode(client.ExportParameters(false).Q, fieldSize);
        var compressed = point[..(1 + fieldSize)];
        compressed[0] = (byte)(2 + (point[^1] & 1));
        AssertRejected(name, compressed);

        var hybrid = (byte[])point.Clone();
        hybrid[0] = 0x06;
        AssertRejected(name, hybrid);
    }

    [TestCaseSource(nameof(Curves))]
    public void Rejects_a_point_off_the_curve(string name, ECCurve curve, HashAlgorithmName hash, int fieldSize)
    {
        using var client = ECDiffieHellman.Create(curve);
        var point = Encode(client.ExportParameters(false).Q, fieldSize);
        point[^1] ^= 1;
        AssertRejected(name, point);
    }

    [TestCaseSource(nameof(Curves))]
    public void Rejects_the_origin_and_coordinates_outside_the_field(string name, ECCurve curve, HashAlgorithmName hash, int fieldSize)
    {
        var origin = new byte[1 + (2 * fieldSize)];
        origin[0] = 0x04;
        AssertRejected(name, origin);

        // x = p, which is x = 0 modulo p: the point is refused, not reduced.
        using var client = ECDiffieHellman.Create(curve);
        var point = Encode(client.ExportParameters(false).Q, fieldSize);
        Convert.FromHexString(Primes[name]).CopyTo(point, 1);
        AssertRejected(name, point);
    }

    [Test]
    public void Answers_only_once()
    {
        using var client = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var point = Encode(client.ExportParameters(false).Q, 32);
        using var kex = new EcdhKeyExchange("ecdh-sha2-nistp256");
        kex.Respond(point);
        Assert.Throws<InvalidOperationException>(() => kex.Respond(point));
    }

    [Test]
    public void Refuses_an_unknown_name() =>
        Assert.Throws<ArgumentException>(() => _ = new EcdhKeyExchange("ecdh-sha2-nistp224"));

    private static void AssertRejected(string name, byte[] clientPublic)
    {
        using var kex = KeyExchangeAlgorithms.Create(name);
        var e = Assert.Throws<SshProtocolException>(() => kex.Respond(clientPublic));
        Assert.That(e.Reason, Is.EqualTo(SshDisconnectReason.KeyExchangeFailed));
    }

    private static byte[] Encode(ECPoint q, int fieldSize)
    {
        var encoded = new byte[1 + (2 * fieldSize)];
        encoded[0] = 0x04;
        q.X.CopyTo(encoded.AsSpan(1 + fieldSize - q.X!.Length));
        q.Y.CopyTo(encoded.AsSpan(1 + (2 * fieldSize) - q.Y!.Length));
        return encoded;
    }

    private static ECParameters Decode(ECCurve curve, byte[] encoded, int fieldSize) => new()
    {
        Curve = curve,
        Q = new ECPoint { X = encoded[1..(1 + fieldSize)], Y = encoded[(1 + fieldSize)..] },
    };
}
