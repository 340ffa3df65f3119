using VirtualFirewall.Ssh.Algorithms.KeyExchange;

namespace VirtualFirewall.Tests.Ssh.KeyExchange;

public sealed class KeyExchangeAlgorithmsTests
{
    [Test]
    public void Names_are_in_preference_order() =>
        Assert.That(KeyExchangeAlgorithms.Names, Is.EqualTo(new[]
        {
            "curve25519-sha256",
            "curve25519-sha256@libssh.org",
            "ecdh-sha2-nistp256",
            "ecdh-sha2-nistp384",
            "ecdh-sha2-nistp521",
            "diffie-hellman-group14-sha256",
        }));

    [TestCaseSource(typeof(KeyExchangeAlgorithms), nameof(KeyExchangeAlgorithms.Names))]
    public void Create_makes_each_named_method(string name)
    {
        using var kex = KeyExchangeAlgorithms.Create(name);
        Assert.Multiple(() =>
        {
            Assert.That(kex.Name, Is.EqualTo(name));
            Assert.That(KeyExchangeAlgorithms.IsSupported(name), Is.True);
        });
    }

    [TestCase("diffie-hellman-group14-sha1")]
    [TestCase("diffie-hellman-group1-sha1")]
    [TestCase("kex-strict-s-v00@openssh.com")]
    [TestCase("CURVE25519-SHA256")]
    [TestCase("")]
    public void Create_refuses_other_names(string name)
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => KeyExchangeAlgorithms.Create(name), Throws.ArgumentException);
            Assert.That(KeyExchangeAlgorithms.IsSupported(name), Is.False);
        });
    }
}
