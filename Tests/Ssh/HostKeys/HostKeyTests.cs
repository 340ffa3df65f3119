using System.Security.Cryptography;
using VirtualFirewall.Ssh.Algorithms.HostKeys;
using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Tests.Ssh.HostKeys;

public sealed class HostKeyTests
{
    private static IEnumerable<string> Kinds => TestKeys.Kinds;

    [TestCaseSource(nameof(Kinds))]
    public void Each_signature_verifies_with_the_public_blob(string kind)
    {
        var key = TestKeys.Get(kind);
        var data = RandomNumberGenerator.GetBytes(100);
        foreach (var algorithm in key.SignatureAlgorithms)
        {
            var signature = key.Sign(algorithm, data);
            Assert.That(SignatureVerifier.Verify(algorithm, key.PublicKeyBlob, data, signature), Is.True, algorithm);
        }
    }

    [TestCaseSource(nameof(Kinds))]
    public void A_flipped_bit_anywhere_fails_verification(string kind)
    {
        var key = TestKeys.Get(kind);
        var data = RandomNumberGenerator.GetBytes(64);
        var algorithm = key.SignatureAlgorithms[0];
        var signature = key.Sign(algorithm, data);
        var blob = key.PublicKeyBlob;

        for (var bit = 0; bit < data.Length * 8; bit += 7)
        {
            Assert.That(SignatureVerifier.Verify(algorithm, blob, Flip(data, bit), signature), Is.False, $"data bit {bit}");
        }

        for (var bit = 0; bit < signature.Length * 8; bit += 5)
        {
            Assert.That(SignatureVerifier.Verify(algorithm, blob, data, Flip(signature, bit)), Is.False, $"signature bit {bit}");
        }

        for (var bit = 0; bit < blob.Length * 8; bit += 5)
        {
            Assert.That(SignatureVerifier.Verify(algorithm, Flip(blob, bit), data, signature), Is.False, $"key bit {bit}");
        }
    }

    [TestCaseSource(nameof(Kinds))]
    public void The_signature_blob_is_named_after_the_algorithm(string kind)
    {
        var key = TestKeys.Get(kind);
        foreach (var algorithm in key.SignatureAlgorithms)
        {
            var reader = new SshDataReader(key.Sign(algorithm, "data"u8));
            Assert.That(reader.ReadString(), Is.EqualTo(algorithm));
            reader.ReadBinary();
            Assert.That(reader.AtEnd, Is.True);
        }
    }

    [TestCaseSource(nameof(Kinds))]
    public void Refuses_to_sign_for_another_algorithm(string kind)
    {
        var key = TestKeys.Get(kind);
        Assert.Multiple(() =>
        {
            Assert.That(() => key.Sign("ssh-rsa", "data"u8), Throws.ArgumentException);
            Assert.That(() => key.Sign("ssh-dss", "data"u8), Throws.ArgumentException);
        });
    }

    [TestCaseSource(nameof(Kinds))]
    public void The_fingerprint_is_the_unpadded_base64_of_the_blobs_sha256(string kind)
    {
        var key = TestKeys.Get(kind);
        Assert.That(key.Fingerprint, Does.Match("^SHA256:[A-Za-z0-9+/]{43}$"));
    }

    [Test]
    public void Ed25519_blob_and_signature_layout()
    {
        var key = TestKeys.Get("ed25519");
        var blob = new SshDataReader(key.PublicKeyBlob);
        var signature = new SshDataReader(key.Sign("ssh-ed25519", "data"u8));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(key.KeyType, Is.EqualTo("ssh-ed25519"));
            Assert.That(key.SignatureAlgorithms, Is.EqualTo(new[] { "ssh-ed25519" }));
            Assert.That(blob.ReadString(), Is.EqualTo("ssh-ed25519"));
            Assert.That(blob.ReadBinary().Length, Is.EqualTo(32));
            Assert.That(blob.AtEnd, Is.True);
            Assert.That(signature.ReadString(), Is.EqualTo("ssh-ed25519"));
            Assert.That(signature.ReadBinary().Length, Is.EqualTo(64));
        }
    }

    [TestCase("nistp256", 65)]
    [TestCase("nistp384", 97)]
    [TestCase("nistp521", 133)]
    public void Ecdsa_blob_layout(string kind, int pointLength)
    {
        var key = TestKeys.Get(kind);
        var reader = new SshDataReader(key.PublicKeyBlob);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(key.KeyType, Is.EqualTo("ecdsa-sha2-" + kind));
            Assert.That(key.SignatureAlgorithms, Is.EqualTo(new[] { "ecdsa-sha2-" + kind }));
            Assert.That(reader.ReadString(), Is.EqualTo("ecdsa-sha2-" + kind));
            Assert.That(reader.ReadString(), Is.EqualTo(kind));
            var q = reader.ReadBinary();
            Assert.That(q.Length, Is.EqualTo(pointLength));
            Assert.That(q[0], Is.EqualTo(0x04));
            Assert.That(reader.AtEnd, Is.True);
        }
    }

    [Test]
    public void Rsa_blob_layout_and_signature_length()
    {
        var key = (RsaHostKey)TestKeys.Get("rsa");
        var reader = new SshDataReader(key.PublicKeyBlob);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(key.KeyType, Is.EqualTo("ssh-rsa"));
            Assert.That(key.KeySize, Is.EqualTo(3072));
            Assert.That(key.SignatureAlgorithms, Is.EqualTo(new[] { "rsa-sha2-512", "rsa-sha2-256" }));
            Assert.That(reader.ReadString(), Is.EqualTo("ssh-rsa"));
            Assert.That(reader.ReadMpint(), Is.EqualTo(new System.Numerics.BigInteger(65537)));
            var n = reader.ReadMpint();
            Assert.That(n.GetBitLength(), Is.EqualTo(3072));
            Assert.That(reader.AtEnd, Is.True);
        }

        foreach (var algorithm in new[] { "rsa-sha2-512", "rsa-sha2-256" })
        {
            var signature = new SshDataReader(key.Sign(algorithm, "data"u8));
            Assert.That(signature.ReadString(), Is.EqualTo(algorithm));
            Assert.That(signature.ReadBinary().Length, Is.EqualTo(384));
        }
    }

    [Test]
    public void Rsa_signatures_are_not_interchangeable_between_hashes()
    {
        var key = TestKeys.Get("rsa");
        var sha512 = key.Sign("rsa-sha2-512", "data"u8);
        var reader = new SshDataReader(sha512);
        reader.ReadString();
        var renamed = new SshDataWriter().WriteString("rsa-sha2-256").WriteBinary(reader.ReadBinary()).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(SignatureVerifier.Verify("rsa-sha2-256", key.PublicKeyBlob, "data"u8, sha512), Is.False);
            Assert.That(SignatureVerifier.Verify("rsa-sha2-256", key.PublicKeyBlob, "data"u8, renamed), Is.False);
        });
    }

    [Test]
    public void Generated_keys_differ()
    {
        using var first = Ed25519HostKey.Generate();
        using var second = Ed25519HostKey.Generate();
        using var third = EcdsaHostKey.Generate();
        using var fourth = EcdsaHostKey.Generate();
        Assert.Multiple(() =>
        {
            Assert.That(first.PublicKeyBlob, Is.Not.EqualTo(second.PublicKeyBlob));
            Assert.That(third.PublicKeyBlob, Is.Not.EqualTo(fourth.PublicKeyBlob));
        });
    }

    [Test]
    public void Small_rsa_keys_and_unknown_curves_are_refused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => RsaHostKey.Generate(1024), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => EcdsaHostKey.Generate("ecdsa-sha2-nistp224"), Throws.ArgumentException);
        });
    }

    [Test]
    public void A_disposed_ed25519_key_no_longer_signs()
    {
        var key = Ed25519HostKey.Generate();
        key.Dispose();
        Assert.That(() => key.Sign("ssh-ed25519", "data"u8), Throws.InstanceOf<ObjectDisposedException>());
    }

    private static byte[] Flip(byte[] bytes, int bit)
    {
        var copy = (byte[])bytes.Clone();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }
}
