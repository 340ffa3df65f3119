using VirtualFirewall.Ssh.Algorithms.Ciphers;

namespace VirtualFirewall.Tests.Ssh.Ciphers;

[TestFixture]
public sealed class PacketProtectionFactoryTests
{
    [Test]
    public void OffersTheModernListsInPreferenceOrder()
    {
        Assert.That(PacketProtection.Ciphers, Is.EqualTo(new[]
        {
            "chacha20-poly1305@openssh.com", "aes256-gcm@openssh.com", "aes128-gcm@openssh.com", "aes256-ctr", "aes128-ctr",
        }));
        Assert.That(PacketProtection.Macs, Is.EqualTo(new[]
        {
            "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-sha2-256", "hmac-sha2-512",
        }));
    }

    [TestCase("chacha20-poly1305@openssh.com", true, 64, 0)]
    [TestCase("aes256-gcm@openssh.com", true, 32, 12)]
    [TestCase("aes128-gcm@openssh.com", true, 16, 12)]
    [TestCase("aes256-ctr", false, 32, 16)]
    [TestCase("aes128-ctr", false, 16, 16)]
    public void CipherSizes(string cipher, bool aead, int keySize, int ivSize)
    {
        Assert.That(PacketProtection.IsAead(cipher), Is.EqualTo(aead));
        Assert.That(PacketProtection.KeySize(cipher), Is.EqualTo(keySize));
        Assert.That(PacketProtection.IvSize(cipher), Is.EqualTo(ivSize));
        Assert.That(PacketProtection.MacKeySize(cipher, "hmac-sha2-512"), Is.EqualTo(aead ? 0 : 64));
    }

    [TestCase("hmac-sha2-256-etm@openssh.com", 32)]
    [TestCase("hmac-sha2-512-etm@openssh.com", 64)]
    [TestCase("hmac-sha2-256", 32)]
    [TestCase("hmac-sha2-512", 64)]
    public void MacSizes(string mac, int keySize)
    {
        Assert.That(PacketProtection.MacKeySize(mac), Is.EqualTo(keySize));
        using var sealer = PacketProtection.CreateSealer("aes128-ctr", mac, new byte[16], new byte[16], new byte[keySize]);
        Assert.That(sealer.TagSize, Is.EqualTo(keySize));
        Assert.That(sealer.LengthExcludedFromAlignment, Is.EqualTo(mac.EndsWith("-etm@openssh.com", StringComparison.Ordinal)));
        using var opener = PacketProtection.CreateOpener("aes128-ctr", mac, new byte[16], new byte[16], new byte[keySize]);
        Assert.That(opener.FirstChunkSize, Is.EqualTo(sealer.LengthExcludedFromAlignment ? 4 : 16));
    }

    [Test]
    public void AeadShapes()
    {
        using var chacha = PacketProtection.CreateOpener("chacha20-poly1305@openssh.com", null, new byte[64], [], []);
        Assert.That((chacha.BlockSize, chacha.TagSize, chacha.FirstChunkSize, chacha.LengthExcludedFromAlignment), Is.EqualTo((8, 16, 4, true)));
        using var gcm = PacketProtection.CreateOpener("aes256-gcm@openssh.com", "hmac-sha2-256", new byte[32], new byte[12], []);
        Assert.That((gcm.BlockSize, gcm.TagSize, gcm.FirstChunkSize, gcm.LengthExcludedFromAlignment), Is.EqualTo((16, 16, 4, true)));
        using var none = PacketProtection.NoneSealer();
        Assert.That((none.BlockSize, none.TagSize, none.LengthExcludedFromAlignment), Is.EqualTo((8, 0, false)));
    }

    [TestCase("none")]
    [TestCase("aes128-cbc")]
    [TestCase("AES128-CTR")]
    [TestCase("3des-cbc")]
    public void UnknownCipherIsRefused(string cipher)
    {
        Assert.That(() => PacketProtection.IsAead(cipher), Throws.ArgumentException);
        Assert.That(() => PacketProtection.KeySize(cipher), Throws.ArgumentException);
        Assert.That(() => PacketProtection.CreateSealer(cipher, "hmac-sha2-256", new byte[16], new byte[16], new byte[32]), Throws.ArgumentException);
    }

    [TestCase("hmac-sha1")]
    [TestCase("umac-128-etm@openssh.com")]
    [TestCase("none")]
    public void UnknownMacIsRefused(string mac)
    {
        Assert.That(() => PacketProtection.MacKeySize(mac), Throws.ArgumentException);
        Assert.That(() => PacketProtection.CreateOpener("aes128-ctr", mac, new byte[16], new byte[16], new byte[32]), Throws.ArgumentException);
    }

    [Test]
    public void WrongKeyMaterialIsRefused()
    {
        Assert.That(() => PacketProtection.CreateSealer("aes128-ctr", null, new byte[16], new byte[16], []), Throws.ArgumentException);
        Assert.That(() => PacketProtection.CreateSealer("aes128-ctr", "hmac-sha2-256", new byte[32], new byte[16], new byte[32]), Throws.ArgumentException);
        Assert.That(() => PacketProtection.CreateSealer("aes128-ctr", "hmac-sha2-256", new byte[16], new byte[12], new byte[32]), Throws.ArgumentException);
        Assert.That(() => PacketProtection.CreateSealer("aes128-ctr", "hmac-sha2-256", new byte[16], new byte[16], new byte[64]), Throws.ArgumentException);
        Assert.That(() => PacketProtection.CreateOpener("aes256-gcm@openssh.com", null, new byte[32], new byte[16], []), Throws.ArgumentException);
        Assert.That(() => PacketProtection.CreateOpener("chacha20-poly1305@openssh.com", null, new byte[32], [], []), Throws.ArgumentException);
    }
}
