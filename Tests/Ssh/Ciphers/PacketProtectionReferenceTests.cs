using System.Buffers.Binary;
using Geralt;
using VirtualFirewall.Ssh.Algorithms.Ciphers;

namespace VirtualFirewall.Tests.Ssh.Ciphers;

/// <summary>
/// Wire bytes checked against constructions made outside this library. The hex vectors were computed with
/// pyca/cryptography (OpenSSL): AES-CTR and HMAC per RFC 4253 §6.4 / OpenSSH PROTOCOL §1.5, AES-GCM per
/// RFC 5647, and chacha20-poly1305@openssh.com with the original ChaCha20 (64-bit counter, 64-bit nonce).
/// </summary>
[TestFixture]
public sealed class PacketProtectionReferenceTests
{
    // SSH_MSG_SERVICE_REQUEST "ssh-userauth" and SSH_MSG_IGNORE "hello", padded with A0 A1 A2 ...
    private const string ServiceRequest16 = "0000001c0a050000000c7373682d7573657261757468a0a1a2a3a4a5a6a7a8a9";
    private const string Ignore16 = "0000001c11020000000568656c6c6fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0";
    private const string ServiceRequest16Excluded = "000000200e050000000c7373682d7573657261757468a0a1a2a3a4a5a6a7a8a9aaabacad";
    private const string Ignore16Excluded = "0000001005020000000568656c6c6fa0a1a2a3a4";
    private const string ServiceRequest8Excluded = "0000001806050000000c7373682d7573657261757468a0a1a2a3a4a5";

    [Test]
    public void Aes128CtrHmacSha256()
    {
        Check(
            PacketProtection.CreateSealer("aes128-ctr", "hmac-sha2-256", Bytes(0, 16), Bytes(0xf0, 16), Bytes(0x40, 32)),
            PacketProtection.CreateOpener("aes128-ctr", "hmac-sha2-256", Bytes(0, 16), Bytes(0xf0, 16), Bytes(0x40, 32)),
            3,
            (ServiceRequest16,
                "66a7c7f43e573148975dad745b3bd8ded7f3b675c3f69c0c060ed71ec83bb743" +
                "8f7c435f09a4167c86087d38ec581a5a9d5bb001b549f5240cc420d389f6d22b"),
            (Ignore16,
                "d271924a6d59eb9dfb84e33c23fe3ad1d17ac5fe9919ffeffec7a8b4e2ce982a" +
                "4a17ae1c1485bc0792530b8fb1a97b7b362855e0074e3d0187682fd4511a96d1"));
    }

    [Test]
    public void Aes256CtrHmacSha512Etm()
    {
        Check(
            PacketProtection.CreateSealer("aes256-ctr", "hmac-sha2-512-etm@openssh.com", Bytes(0, 32), Bytes(0xf0, 16), Bytes(0x40, 64)),
            PacketProtection.CreateOpener("aes256-ctr", "hmac-sha2-512-etm@openssh.com", Bytes(0, 32), Bytes(0xf0, 16), Bytes(0x40, 64)),
            3,
            (ServiceRequest16Excluded,
                "000000209c05cd8d239af3b83244932725400261be37dbe153899064c800fd88e0dc2a23" +
                "c70b0572b582c3d9dc025e04ef81b15ae4576b96a1ab24b2994de27cb8b6e1c0d0c62b07" +
                "ad5ab7b89e6cc765b80cec576913a5c38faa3be73c25384bb2627cc6"),
            (Ignore16Excluded,
                "000000109c6e215b141d9dfd14e94fb034f6512b04598634f2449205c773bacc55c775c5" +
                "0d315291d1f245a83a9e8ceb37f74944021c815bebce96afd1916955f608784e2d8af54b" +
                "047685077713c0d942981761"));
    }

    // The IV's invocation counter starts at 2^64 - 1, so the second packet checks that it wraps to
    // zero without touching the fixed field.
    [Test]
    public void Aes256Gcm()
    {
        var iv = Convert.FromHexString("01020304ffffffffffffffff");
        Check(
            PacketProtection.CreateSealer("aes256-gcm@openssh.com", null, Bytes(0, 32), iv, []),
            PacketProtection.CreateOpener("aes256-gcm@openssh.com", null, Bytes(0, 32), iv, []),
            0,
            (ServiceRequest16Excluded,
                "000000207f39b9245fcd1168099fa44d45bff813398e4a87f63066cb5d33103a09e999f4" +
                "447816f080450a6b917fe2348a041896"),
            (Ignore16Excluded, "000000102457dd5d17941014978bf81b116214ca4f5e74f1b3431296d8ed97ca74639ea0"));
    }

    [Test]
    public void ChaCha20Poly1305()
    {
        Check(
            PacketProtection.CreateSealer("chacha20-poly1305@openssh.com", null, Bytes(0x80, 64), [], []),
            PacketProtection.CreateOpener("chacha20-poly1305@openssh.com", null, Bytes(0x80, 64), [], []),
            7,
            (ServiceRequest8Excluded, "b4a9797fc83c3da5520add3cf3e4d91ac3085b85c155373f0125f2b97292b957dd555c1b3b4e5009f4c49170"),
            (Ignore16Excluded, "700025ed00abb9707d9dbdb66fbe8dd1cc732d3c61a5a399860821772e7c6b1da18a6214"));
    }

    // OpenSSH PROTOCOL.chacha20poly1305 built step by step from the Geralt primitives.
    [TestCase(0u)]
    [TestCase(0x01020304u)]
    [TestCase(uint.MaxValue)]
    public void ChaCha20Poly1305MatchesItsDefinition(uint sequence)
    {
        var key = ProtectionSuite.RandomBytes(64);
        var k2 = key[..32];
        var k1 = key[32..];
        var packet = PacketPadding.BuildPacket(ProtectionSuite.RandomBytes(100), 8, lengthExcludedFromAlignment: true);
        var nonce = new byte[12];
        BinaryPrimitives.WriteUInt64BigEndian(nonce.AsSpan(4), sequence);

        var expected = new byte[packet.Length + 16];
        ChaCha20.Encrypt(expected.AsSpan(0, 4), packet.AsSpan(0, 4), nonce, k1, 0);
        ChaCha20.Encrypt(expected.AsSpan(4, packet.Length - 4), packet.AsSpan(4), nonce, k2, 1);
        var block0 = new byte[64];
        ChaCha20.Encrypt(block0, new byte[64], nonce, k2, 0);
        Poly1305.ComputeTag(expected.AsSpan(packet.Length), expected.AsSpan(0, packet.Length), block0.AsSpan(0, 32));

        using var sealer = PacketProtection.CreateSealer("chacha20-poly1305@openssh.com", null, key, [], []);
        var wire = ProtectionSuite.Seal(sealer, sequence, packet);

        Assert.That(Convert.ToHexStringLower(wire), Is.EqualTo(Convert.ToHexStringLower(expected)));
    }

    private static byte[] Bytes(int first, int count) => [.. Enumerable.Range(first, count).Select(b => (byte)b)];

    private static void Check(PacketSealer sealer, PacketOpener opener, uint firstSequence, params (string Clear, string Wire)[] packets)
    {
        using (sealer)
        using (opener)
        {
            var sequence = firstSequence;
            foreach (var (clearHex, wireHex) in packets)
            {
                var clear = Convert.FromHexString(clearHex);
                Assert.That(Convert.ToHexStringLower(ProtectionSuite.Seal(sealer, sequence, clear)), Is.EqualTo(wireHex));

                var opened = ProtectionSuite.TryOpen(opener, sequence, Convert.FromHexString(wireHex), out var length, out var packet);
                Assert.That(opened, Is.True);
                Assert.That(length, Is.EqualTo(BinaryPrimitives.ReadUInt32BigEndian(clear)));
                Assert.That(Convert.ToHexStringLower(packet), Is.EqualTo(clearHex));
                sequence++;
            }
        }
    }
}
