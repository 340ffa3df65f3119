using System.Security.Cryptography;
using System.Text;
using Geralt;
using VirtualFirewall.Ssh.Algorithms.Ciphers;

namespace VirtualFirewall.Tests.Ssh.Ciphers;

/// <summary>Known-answer vectors for the primitives under the packet protections, called the way the sealers call them.</summary>
[TestFixture]
public sealed class PrimitiveVectorTests
{
    private const string NistCtrCounter = "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff";

    private const string NistPlaintext =
        "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51" +
        "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710";

    // NIST SP 800-38A F.5.1 (CTR-AES128.Encrypt) and F.5.5 (CTR-AES256.Encrypt).
    [TestCase(
        "2b7e151628aed2a6abf7158809cf4f3c",
        "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff" +
        "5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee",
        TestName = "AES-128-CTR F.5.1")]
    [TestCase(
        "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
        "601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990cacaf5c5" +
        "2b0930daa23de94ce87017ba2d84988ddfc9c58db67aada613c2dd08457941a6",
        TestName = "AES-256-CTR F.5.5")]
    public void AesCtrMatchesNist(string key, string ciphertext)
    {
        using var whole = new AesCtrKeystream(Convert.FromHexString(key), Convert.FromHexString(NistCtrCounter));
        var plaintext = Convert.FromHexString(NistPlaintext);
        var output = new byte[plaintext.Length];
        whole.Transform(plaintext, output);
        Assert.That(Convert.ToHexStringLower(output), Is.EqualTo(ciphertext));

        // The same stream in uneven pieces: unused keystream carries over from call to call.
        using var pieces = new AesCtrKeystream(Convert.FromHexString(key), Convert.FromHexString(NistCtrCounter));
        var split = new byte[plaintext.Length];
        var offset = 0;
        foreach (var size in new[] { 1, 15, 17, 4, 27 })
        {
            pieces.Transform(plaintext.AsSpan(offset, size), split.AsSpan(offset, size));
            offset += size;
        }

        Assert.That(Convert.ToHexStringLower(split), Is.EqualTo(ciphertext));
    }

    [TestCase("0000000000000000ffffffffffffffff", "00000000000000010000000000000000", TestName = "carry into the high half")]
    [TestCase("ffffffffffffffffffffffffffffffff", "00000000000000000000000000000000", TestName = "wrap modulo 2^128")]
    public void AesCtrCounterIsOne128BitNumber(string first, string second)
    {
        var key = RandomNumberGenerator.GetBytes(16);
        var firstCounter = Convert.FromHexString(first);
        var secondCounter = Convert.FromHexString(second);
        using var aes = Aes.Create();
        aes.Key = key;
        var expected = aes.EncryptEcb([.. firstCounter, .. secondCounter], PaddingMode.None);

        using var ctr = new AesCtrKeystream(key, firstCounter);
        var keystream = new byte[32];
        ctr.Transform(new byte[32], keystream);

        Assert.That(keystream, Is.EqualTo(expected));
    }

    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?". The first four bytes of the
    // data stand in for the sequence number, so the vector checks the uint32 prefix too.
    [TestCase("SHA256", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    [TestCase(
        "SHA512",
        "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554" +
        "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737")]
    public void HmacMatchesRfc4231(string hash, string expected)
    {
        using var mac = new SequencedHmac(new HashAlgorithmName(hash), "Jefe"u8);
        var sequence = 0x77686174u; // "what"
        var data = Encoding.ASCII.GetBytes(" do ya want for nothing?");
        var tag = new byte[mac.TagSize];
        mac.Compute(sequence, data, tag);

        Assert.That(Convert.ToHexStringLower(tag), Is.EqualTo(expected));
        Assert.That(mac.Verify(sequence, data, tag), Is.True);
        tag[^1] ^= 1;
        Assert.That(mac.Verify(sequence, data, tag), Is.False);
    }

    // The Galois/Counter Mode specification (McGrew and Viega), test case 4: AES-128, 96-bit IV, AAD.
    [Test]
    public void AesGcmMatchesGcmSpecification()
    {
        var key = Convert.FromHexString("feffe9928665731c6d6a8f9467308308");
        var nonce = Convert.FromHexString("cafebabefacedbaddecaf888");
        var plaintext = Convert.FromHexString(
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72" +
            "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
        var aad = Convert.FromHexString("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        using var gcm = new AesGcm(key, 16);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[16];
        gcm.Encrypt(nonce, plaintext, ciphertext, tag, aad);

        Assert.That(Convert.ToHexStringLower(ciphertext), Is.EqualTo(
            "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e" +
            "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091"));
        Assert.That(Convert.ToHexStringLower(tag), Is.EqualTo("5bc94fbc3221a5db94fae95ae7121a47"));
    }

    // RFC 8439 §2.4.2: the IETF ChaCha20 with a 12-byte nonce and an explicit block counter.
    [Test]
    public void ChaCha20MatchesRfc8439()
    {
        var key = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        var nonce = Convert.FromHexString("000000000000004a00000000");
        var plaintext = Encoding.ASCII.GetBytes(
            "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.");
        var ciphertext = new byte[plaintext.Length];
        ChaCha20.Encrypt(ciphertext, plaintext, nonce, key, 1);

        Assert.That(Convert.ToHexStringLower(ciphertext), Is.EqualTo(
            "6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b" +
            "f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8" +
            "07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736" +
            "5af90bbf74a35be6b40b8eedf2785e42874d"));
    }

    // RFC 8439 §2.6.2: the Poly1305 key is the first 32 bytes of block 0, which ChaCha20.Fill yields.
    [Test]
    public void ChaCha20FillStartsAtBlockZero()
    {
        var key = Convert.FromHexString("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
        var nonce = Convert.FromHexString("000000000001020304050607");
        var polyKey = new byte[32];
        ChaCha20.Fill(polyKey, nonce, key);

        Assert.That(Convert.ToHexStringLower(polyKey), Is.EqualTo("8ad5a08b905f81cc815040274ab29471a833b637e3fd0da508dbb8e2fdd1a646"));
    }

    // RFC 8439 §2.5.2.
    [Test]
    public void Poly1305MatchesRfc8439()
    {
        var key = Convert.FromHexString("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b");
        var message = Encoding.ASCII.GetBytes("Cryptographic Forum Research Group");
        var tag = new byte[16];
        Poly1305.ComputeTag(tag, message, key);

        Assert.That(Convert.ToHexStringLower(tag), Is.EqualTo("a8061dc1305136c6c22b8baf0c0127a9"));
        Assert.That(Poly1305.VerifyTag(tag, message, key), Is.True);
    }
}
