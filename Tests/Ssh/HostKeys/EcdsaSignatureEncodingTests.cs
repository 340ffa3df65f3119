using System.Security.Cryptography;
using VirtualFirewall.Ssh.Algorithms.HostKeys;
using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Tests.Ssh.HostKeys;

/// <summary>
/// RFC 5656 §3.1.2: the signature holds r and s as mpints, not .NET's fixed-width r || s. About half of
/// P-256 and P-384 signatures have an r or s with the top bit set, which needs a leading zero.
/// </summary>
public sealed class EcdsaSignatureEncodingTests
{
    [TestCase("nistp256", 32)]
    [TestCase("nistp384", 48)]
    [TestCase("nistp521", 66)]
    public void Every_r_and_s_is_a_minimal_positive_mpint(string kind, int fieldSize)
    {
        var key = TestKeys.Get(kind);
        var algorithm = "ecdsa-sha2-" + kind;
        var padded = 0;
        var shorter = 0;
        for (var i = 0; i < 400; i++)
        {
            var data = RandomNumberGenerator.GetBytes(32);
            var signature = key.Sign(algorithm, data);

            var outer = new SshDataReader(signature);
            Assert.That(outer.ReadString(), Is.EqualTo(algorithm));
            var inner = new SshDataReader(outer.ReadBinary());
            Assert.That(outer.AtEnd, Is.True);
            for (var n = 0; n < 2; n++)
            {
                var mpint = inner.ReadBinary().ToArray();
                Assert.That(mpint, Is.Not.Empty);
                Assert.That(mpint[0] & 0x80, Is.Zero, "an mpint with the top bit set is negative");
                if (mpint[0] == 0)
                {
                    Assert.That(mpint.Length, Is.GreaterThan(1));
                    Assert.That(mpint[1] & 0x80, Is.Not.Zero, "a leading zero only before a set top bit");
                    padded++;
                }

                var magnitude = mpint[0] == 0 ? mpint.Length - 1 : mpint.Length;
                Assert.That(magnitude, Is.LessThanOrEqualTo(fieldSize));
                shorter += magnitude < fieldSize ? 1 : 0;
            }

            Assert.That(inner.AtEnd, Is.True);
            Assert.That(SignatureVerifier.Verify(algorithm, key.PublicKeyBlob, data, signature), Is.True);
        }

        if (fieldSize is 32 or 48)
        {
            // 800 values with a 1/2 chance each of needing a leading zero.
            Assert.That(padded, Is.GreaterThan(300));
        }
        else
        {
            // P-521's 66-byte fields start with 0x00 or 0x01: half the values lose the zero byte.
            Assert.That(shorter, Is.GreaterThan(300));
        }
    }

    [Test]
    public void A_non_minimal_but_positive_r_from_a_client_is_still_accepted()
    {
        // OpenSSH tolerates a redundant leading zero; so do we.
        var key = TestKeys.Get("nistp256");
        var data = "data"u8.ToArray();
        var outer = new SshDataReader(key.Sign("ecdsa-sha2-nistp256", data));
        outer.ReadString();
        var inner = new SshDataReader(outer.ReadBinary());
        var r = inner.ReadBinary().ToArray();
        var s = inner.ReadBinary().ToArray();
        var padded = new SshDataWriter().WriteBinary([0, 0, .. r]).WriteBinary(s);
        var signature = new SshDataWriter().WriteString("ecdsa-sha2-nistp256").WriteBinary(padded.Written).ToArray();
        Assert.That(SignatureVerifier.Verify("ecdsa-sha2-nistp256", key.PublicKeyBlob, data, signature), Is.True);
    }

    [Test]
    public void A_negative_r_is_refused()
    {
        var key = TestKeys.Get("nistp256");
        var data = "data"u8.ToArray();
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var outer = new SshDataReader(key.Sign("ecdsa-sha2-nistp256", data));
            outer.ReadString();
            var inner = new SshDataReader(outer.ReadBinary());
            var r = inner.ReadBinary().ToArray();
            var s = inner.ReadBinary().ToArray();
            if (r[0] != 0)
            {
                continue;
            }

            // Dropping the sign byte turns r into a negative number with the same magnitude bits.
            var negative = new SshDataWriter().WriteBinary(r.AsSpan(1)).WriteBinary(s);
            var signature = new SshDataWriter().WriteString("ecdsa-sha2-nistp256").WriteBinary(negative.Written).ToArray();
            Assert.That(SignatureVerifier.Verify("ecdsa-sha2-nistp256", key.PublicKeyBlob, data, signature), Is.False);
            return;
        }

        Assert.Fail("no signature with a padded r in 64 tries");
    }
}
