using System.Security.Cryptography;
using VirtualFirewall.Ssh.Algorithms.HostKeys;
using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Tests.Ssh.HostKeys;

public sealed class SignatureVerifierTests
{
    [Test]
    public void Supported_algorithms_are_the_modern_six()
    {
        Assert.That(SignatureVerifier.SupportedAlgorithms, Is.EqualTo(new[]
        {
            "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "rsa-sha2-512", "rsa-sha2-256",
        }));
        Assert.That(SignatureVerifier.SupportedAlgorithms, Has.All.Matches<string>(SignatureVerifier.IsSupportedAlgorithm));
    }

    [TestCase("ssh-rsa")]
    [TestCase("ssh-dss")]
    [TestCase("ssh-rsa-cert-v01@openssh.com")]
    [TestCase("sk-ssh-ed25519@openssh.com")]
    [TestCase("")]
    public void Other_algorithms_are_not_supported(string name) =>
        Assert.That(SignatureVerifier.IsSupportedAlgorithm(name), Is.False);

    [Test]
    public void A_sha1_ssh_rsa_signature_is_refused_even_when_valid()
    {
        using var rsa = RSA.Create(2048);
        var parameters = rsa.ExportParameters(false);
        var blob = new SshDataWriter().WriteString("ssh-rsa").WriteMpintUnsigned(parameters.Exponent).WriteMpintUnsigned(parameters.Modulus).ToArray();
#pragma warning disable CA5350 // SHA-1 on purpose: the signature a server must refuse.
        var sha1 = rsa.SignData("data"u8.ToArray(), HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
#pragma warning restore CA5350
        var signature = new SshDataWriter().WriteString("ssh-rsa").WriteBinary(sha1).ToArray();
        Assert.That(SignatureVerifier.Verify("ssh-rsa", blob, "data"u8, signature), Is.False);
    }

    [TestCaseSource(typeof(TestKeys), nameof(TestKeys.Kinds))]
    public void KeyTypeOf_names_the_blob(string kind)
    {
        var key = TestKeys.Get(kind);
        Assert.That(SignatureVerifier.KeyTypeOf(key.PublicKeyBlob), Is.EqualTo(key.KeyType));
    }

    [Test]
    public void KeyTypeOf_malformed_blobs_is_null()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SignatureVerifier.KeyTypeOf([]), Is.Null);
            Assert.That(SignatureVerifier.KeyTypeOf([0, 0, 0]), Is.Null);
            Assert.That(SignatureVerifier.KeyTypeOf([0, 0, 0, 0]), Is.Null);
            Assert.That(SignatureVerifier.KeyTypeOf([0, 0, 0, 9, (byte)'s']), Is.Null);
            Assert.That(SignatureVerifier.KeyTypeOf([0xFF, 0xFF, 0xFF, 0xFF, 1]), Is.Null);
            Assert.That(SignatureVerifier.KeyTypeOf([0, 0, 0, 2, (byte)'a', 0]), Is.Null);
        });
    }

    [Test]
    public void The_signature_must_name_the_requested_algorithm()
    {
        var key = TestKeys.Get("rsa");
        var sha256 = key.Sign("rsa-sha2-256", "data"u8);
        Assert.Multiple(() =>
        {
            Assert.That(SignatureVerifier.Verify("rsa-sha2-256", key.PublicKeyBlob, "data"u8, sha256), Is.True);
            Assert.That(SignatureVerifier.Verify("rsa-sha2-512", key.PublicKeyBlob, "data"u8, sha256), Is.False);
        });
    }

    [Test]
    public void The_key_must_suit_the_algorithm()
    {
        var ed25519 = TestKeys.Get("ed25519");
        var p256 = TestKeys.Get("nistp256");
        var p384 = TestKeys.Get("nistp384");
        var edSignature = ed25519.Sign("ssh-ed25519", "data"u8);
        var p256Signature = p256.Sign("ecdsa-sha2-nistp256", "data"u8);
        var renamed = Rename(p256Signature, "ecdsa-sha2-nistp384");
        Assert.Multiple(() =>
        {
            Assert.That(SignatureVerifier.Verify("ssh-ed25519", p256.PublicKeyBlob, "data"u8, edSignature), Is.False);
            Assert.That(SignatureVerifier.Verify("ecdsa-sha2-nistp256", ed25519.PublicKeyBlob, "data"u8, p256Signature), Is.False);
            Assert.That(SignatureVerifier.Verify("ecdsa-sha2-nistp384", p384.PublicKeyBlob, "data"u8, renamed), Is.False);
            Assert.That(SignatureVerifier.Verify("ecdsa-sha2-nistp384", p256.PublicKeyBlob, "data"u8, renamed), Is.False);
        });
    }

    [TestCaseSource(typeof(TestKeys), nameof(TestKeys.Kinds))]
    public void Trailing_bytes_are_refused(string kind)
    {
        var key = TestKeys.Get(kind);
        var algorithm = key.SignatureAlgorithms[0];
        var signature = key.Sign(algorithm, "data"u8);
        var blob = key.PublicKeyBlob;
        Assert.Multiple(() =>
        {
            Assert.That(SignatureVerifier.Verify(algorithm, [.. blob, 0], "data"u8, signature), Is.False);
            Assert.That(SignatureVerifier.Verify(algorithm, blob, "data"u8, [.. signature, 0]), Is.False);
            Assert.That(SignatureVerifier.Verify(algorithm, blob, "data"u8, signature.AsSpan(0, signature.Length - 1)), Is.False);
            Assert.That(SignatureVerifier.Verify(algorithm, blob.AsSpan(0, blob.Length - 1), "data"u8, signature), Is.False);
        });
    }

    [Test]
    public void An_ecdsa_signature_with_an_extra_value_inside_is_refused()
    {
        var key = TestKeys.Get("nistp256");
        var reader = new SshDataReader(key.Sign("ecdsa-sha2-nistp256", "data"u8));
        reader.ReadString();
        var inner = reader.ReadBinary().ToArray();
        var signature = new SshDataWriter().WriteString("ecdsa-sha2-nistp256").WriteBinary([.. inner, 0, 0, 0, 0]).ToArray();
        Assert.That(SignatureVerifier.Verify("ecdsa-sha2-nistp256", key.PublicKeyBlob, "data"u8, signature), Is.False);
    }

    [Test]
    public void An_ecdsa_key_off_the_curve_is_refused()
    {
        var key = TestKeys.Get("nistp256");
        var signature = key.Sign("ecdsa-sha2-nistp256", "data"u8);
        var blob = key.PublicKeyBlob;
        blob[^1] ^= 1;
        Assert.That(SignatureVerifier.Verify("ecdsa-sha2-nistp256", blob, "data"u8, signature), Is.False);
    }

    [Test]
    public void A_short_rsa_signature_is_left_padded_as_openssh_does()
    {
        using var rsa = RSA.Create(1024);
        var parameters = rsa.ExportParameters(false);
        var blob = new SshDataWriter().WriteString("ssh-rsa").WriteMpintUnsigned(parameters.Exponent).WriteMpintUnsigned(parameters.Modulus).ToArray();
        for (var i = 0; i < 20000; i++)
        {
            var data = BitConverter.GetBytes(i);
            var raw = rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            if (raw[0] != 0)
            {
                continue;
            }

            var full = new SshDataWriter().WriteString("rsa-sha2-256").WriteBinary(raw).ToArray();
            var stripped = new SshDataWriter().WriteString("rsa-sha2-256").WriteBinary(raw.AsSpan(1)).ToArray();
            var longer = new SshDataWriter().WriteString("rsa-sha2-256").WriteBinary([0, .. raw]).ToArray();
            Assert.Multiple(() =>
            {
                Assert.That(SignatureVerifier.Verify("rsa-sha2-256", blob, data, full), Is.True);
                Assert.That(SignatureVerifier.Verify("rsa-sha2-256", blob, data, stripped), Is.True);
                Assert.That(SignatureVerifier.Verify("rsa-sha2-256", blob, data, longer), Is.False);
            });
            return;
        }

        Assert.Fail("no signature with a leading zero byte");
    }

    [Test]
    public void Rsa_keys_below_1024_bits_are_refused()
    {
        using var rsa = RSA.Create(768);
        var parameters = rsa.ExportParameters(false);
        var blob = new SshDataWriter().WriteString("ssh-rsa").WriteMpintUnsigned(parameters.Exponent).WriteMpintUnsigned(parameters.Modulus).ToArray();
        var signature = new SshDataWriter().WriteString("rsa-sha2-256")
            .WriteBinary(rsa.SignData("data"u8.ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)).ToArray();
        Assert.That(SignatureVerifier.Verify("rsa-sha2-256", blob, "data"u8, signature), Is.False);
    }

    [Test]
    public void An_rsa_key_with_exponent_one_is_refused()
    {
        // With e = 1 the PKCS#1 encoding of the hash is its own signature, for any data.
        using var rsa = RSA.Create(2048);
        var modulus = rsa.ExportParameters(false).Modulus!;
        var blob = new SshDataWriter().WriteString("ssh-rsa").WriteMpintUnsigned([1]).WriteMpintUnsigned(modulus).ToArray();
        var digestInfo = Convert.FromHexString("3031300d060960864801650304020105000420");
        var encoded = new byte[modulus.Length];
        encoded[1] = 0x01;
        encoded.AsSpan(2, modulus.Length - 3 - digestInfo.Length - 32).Fill(0xFF);
        digestInfo.CopyTo(encoded, modulus.Length - digestInfo.Length - 32);
        SHA256.HashData("data"u8).CopyTo(encoded, modulus.Length - 32);
        var signature = new SshDataWriter().WriteString("rsa-sha2-256").WriteBinary(encoded).ToArray();
        Assert.That(SignatureVerifier.Verify("rsa-sha2-256", blob, "data"u8, signature), Is.False);
    }

    [TestCaseSource(typeof(TestKeys), nameof(TestKeys.Kinds))]
    public void Random_damage_never_throws(string kind)
    {
        var key = TestKeys.Get(kind);
        var algorithm = key.SignatureAlgorithms[0];
        var blob = key.PublicKeyBlob;
        var signature = key.Sign(algorithm, "data"u8);
        var random = new Random(1234);
        for (var i = 0; i < 2000; i++)
        {
            var damagedBlob = Damage(blob, random);
            var damagedSignature = Damage(signature, random);
            Assert.That(() => SignatureVerifier.Verify(algorithm, damagedBlob, "data"u8, damagedSignature), Throws.Nothing);
            Assert.That(() => SignatureVerifier.KeyTypeOf(damagedBlob), Throws.Nothing);
        }

        var noise = new byte[600];
        for (var i = 0; i < 500; i++)
        {
            random.NextBytes(noise);
            var length = random.Next(noise.Length);
            foreach (var name in SignatureVerifier.SupportedAlgorithms)
            {
                Assert.That(SignatureVerifier.Verify(name, noise.AsSpan(0, length), "data"u8, noise.AsSpan(length)), Is.False);
            }
        }
    }

    private static byte[] Damage(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        switch (random.Next(3))
        {
            case 0:
                copy[random.Next(copy.Length)] = (byte)random.Next(256);
                return copy;
            case 1:
                return copy[..random.Next(copy.Length)];
            default:
                // A length field (every blob starts with one) set to something large or small.
                var at = random.Next(Math.Min(copy.Length, 16) - 3);
                copy[at] = (byte)random.Next(256);
                return copy;
        }
    }

    private static byte[] Rename(byte[] signature, string name)
    {
        var reader = new SshDataReader(signature);
        reader.ReadString();
        return new SshDataWriter().WriteString(name).WriteBinary(reader.ReadBinary()).ToArray();
    }
}
