using Geralt;

namespace VirtualFirewall.Tests.Ssh.KeyExchange;

/// <summary>RFC 7748 §6.1 through Geralt, pinning the parameter order the key exchange relies on.</summary>
public sealed class X25519VectorTests
{
    private static readonly byte[] AlicePrivate = Convert.FromHexString("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    private static readonly byte[] AlicePublic = Convert.FromHexString("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    private static readonly byte[] BobPrivate = Convert.FromHexString("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    private static readonly byte[] BobPublic = Convert.FromHexString("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    private static readonly byte[] Shared = Convert.FromHexString("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");

    [Test]
    public void Public_keys_match_the_rfc()
    {
        var alice = new byte[X25519.PublicKeySize];
        var bob = new byte[X25519.PublicKeySize];
        X25519.ComputePublicKey(alice, AlicePrivate);
        X25519.ComputePublicKey(bob, BobPrivate);
        Assert.Multiple(() =>
        {
            Assert.That(alice, Is.EqualTo(AlicePublic));
            Assert.That(bob, Is.EqualTo(BobPublic));
        });
    }

    [Test]
    public void Shared_secret_matches_the_rfc_from_both_sides()
    {
        var fromAlice = new byte[X25519.SharedSecretSize];
        var fromBob = new byte[X25519.SharedSecretSize];
        X25519.ComputeSharedSecret(fromAlice, AlicePrivate, BobPublic);
        X25519.ComputeSharedSecret(fromBob, BobPrivate, AlicePublic);
        Assert.Multiple(() =>
        {
            Assert.That(fromAlice, Is.EqualTo(Shared));
            Assert.That(fromBob, Is.EqualTo(Shared));
        });
    }

    [Test]
    public void GenerateKeyPair_takes_the_public_key_first()
    {
        var publicKey = new byte[X25519.PublicKeySize];
        var privateKey = new byte[X25519.PrivateKeySize];
        X25519.GenerateKeyPair(publicKey, privateKey);
        var derived = new byte[X25519.PublicKeySize];
        X25519.ComputePublicKey(derived, privateKey);
        Assert.That(derived, Is.EqualTo(publicKey));
    }
}
