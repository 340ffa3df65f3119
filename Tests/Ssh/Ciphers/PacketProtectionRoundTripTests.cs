using System.Buffers.Binary;
using VirtualFirewall.Ssh.Algorithms.Ciphers;

namespace VirtualFirewall.Tests.Ssh.Ciphers;

/// <summary>Seal and open through every negotiable cipher and MAC pair; any change to a wire packet is refused.</summary>
[TestFixture]
public sealed class PacketProtectionRoundTripTests
{
    private const int Packets = 50;

    public static IEnumerable<TestCaseData> SuitesAndFirstSequences()
    {
        foreach (var data in ProtectionSuite.All())
        {
            var suite = (ProtectionSuite)data.Arguments[0]!;
            yield return new TestCaseData(suite, 0u).SetArgDisplayNames(suite.ToString(), "from 0");
            yield return new TestCaseData(suite, uint.MaxValue - 20).SetArgDisplayNames(suite.ToString(), "wrapping");
        }
    }

    [TestCaseSource(nameof(SuitesAndFirstSequences))]
    public void FiftyPacketsRoundTrip(ProtectionSuite suite, uint firstSequence)
    {
        using var sealer = suite.CreateSealer();
        using var opener = suite.CreateOpener();
        AssertSameShape(sealer, opener);
        RoundTrip(sealer, opener, firstSequence, expectEncrypted: true);
    }

    [Test]
    public void NoneRoundTripsInClear()
    {
        using var sealer = PacketProtection.NoneSealer();
        using var opener = PacketProtection.NoneOpener();
        AssertSameShape(sealer, opener);
        Assert.That(opener.FirstChunkSize, Is.EqualTo(4));
        RoundTrip(sealer, opener, uint.MaxValue - 3, expectEncrypted: false);
    }

    [TestCaseSource(typeof(ProtectionSuite), nameof(ProtectionSuite.All))]
    public void EveryFlippedBitIsRefused(ProtectionSuite suite)
    {
        const uint first = 41;
        using var sealer = suite.CreateSealer();
        var packets = Enumerable.Range(0, 3).Select(_ => PacketPadding.BuildPacket(ProtectionSuite.RandomBytes(10), sealer)).ToArray();
        var wires = packets.Select((packet, i) => ProtectionSuite.Seal(sealer, first + (uint)i, packet)).ToArray();
        var target = wires[2];

        // Each position in the third packet, after two good ones have moved any keystream or counter on.
        for (var position = 0; position < target.Length; position++)
        {
            using var opener = suite.CreateOpener();
            Assert.That(ProtectionSuite.TryOpen(opener, first, wires[0], out _, out _), Is.True);
            Assert.That(ProtectionSuite.TryOpen(opener, first + 1, wires[1], out _, out _), Is.True);
            var tampered = (byte[])target.Clone();
            tampered[position] ^= (byte)(1 << (position % 8));

            Assert.That(ProtectionSuite.TryOpen(opener, first + 2, tampered, out _, out _), Is.False, $"bit flipped at byte {position}");
        }

        using var control = suite.CreateOpener();
        for (var i = 0; i < wires.Length; i++)
        {
            Assert.That(ProtectionSuite.TryOpen(control, first + (uint)i, wires[i], out _, out var opened), Is.True);
            Assert.That(opened, Is.EqualTo(packets[i]));
        }
    }

    /// <summary>All but GCM, which does not use the sequence number: see <see cref="GcmRefusesPacketsOutOfOrder"/>.</summary>
    public static IEnumerable<TestCaseData> SequenceBoundSuites() =>
        ProtectionSuite.All().Where(data => !((ProtectionSuite)data.Arguments[0]!).IsGcm);

    [TestCaseSource(nameof(SequenceBoundSuites))]
    public void WrongSequenceNumberIsRefused(ProtectionSuite suite)
    {
        using var sealer = suite.CreateSealer();
        var wire = ProtectionSuite.Seal(sealer, 7, PacketPadding.BuildPacket("\x05hello"u8, sealer));

        using var opener = suite.CreateOpener();
        Assert.That(ProtectionSuite.TryOpen(opener, 8, wire, out _, out _), Is.False);
    }

    // RFC 5647 §7.1 as OpenSSH does it: the nonce's invocation counter, not the sequence number,
    // binds each packet to its place, so a replayed or reordered packet fails and the sequence number is unused.
    [TestCase("aes128-gcm@openssh.com")]
    [TestCase("aes256-gcm@openssh.com")]
    public void GcmRefusesPacketsOutOfOrder(string cipher)
    {
        var suite = new ProtectionSuite(cipher, null);
        using var sealer = suite.CreateSealer();
        var first = ProtectionSuite.Seal(sealer, 0, PacketPadding.BuildPacket("\x05one"u8, sealer));
        var second = ProtectionSuite.Seal(sealer, 1, PacketPadding.BuildPacket("\x05two"u8, sealer));

        using var reordered = suite.CreateOpener();
        Assert.That(ProtectionSuite.TryOpen(reordered, 1, second, out _, out _), Is.False);

        using var replayed = suite.CreateOpener();
        Assert.That(ProtectionSuite.TryOpen(replayed, 0, first, out _, out _), Is.True);
        Assert.That(ProtectionSuite.TryOpen(replayed, 1, first, out _, out _), Is.False);
        Assert.That(ProtectionSuite.TryOpen(replayed, 1234, second, out _, out _), Is.True);
    }

    [TestCase("hmac-sha2-256")]
    [TestCase("hmac-sha2-512")]
    public void EncryptAndMacOpenerNeedsReadLengthOncePerPacket(string mac)
    {
        var suite = new ProtectionSuite("aes128-ctr", mac);
        using var sealer = suite.CreateSealer();
        var wire = ProtectionSuite.Seal(sealer, 0, PacketPadding.BuildPacket("\x05hello"u8, sealer));
        var packet = new byte[wire.Length - sealer.TagSize];

        using var opener = suite.CreateOpener();
        Assert.That(opener.FirstChunkSize, Is.EqualTo(16));
        Assert.That(() => opener.TryOpen(0, wire, packet), Throws.InvalidOperationException);
        opener.ReadLength(0, wire.AsSpan(0, 16));
        Assert.That(() => opener.ReadLength(0, wire.AsSpan(0, 16)), Throws.InvalidOperationException);
    }

    [TestCaseSource(typeof(ProtectionSuite), nameof(ProtectionSuite.All))]
    public void ShortBuffersAreTheCallersBug(ProtectionSuite suite)
    {
        using var sealer = suite.CreateSealer();
        var packet = PacketPadding.BuildPacket("\x05hello"u8, sealer);
        Assert.That(() => sealer.Seal(0, packet, new byte[packet.Length + sealer.TagSize - 1]), Throws.ArgumentException);
        Assert.That(() => sealer.Seal(0, packet.AsSpan(0, 4), new byte[64]), Throws.ArgumentException);

        var wire = ProtectionSuite.Seal(sealer, 0, packet);
        using var opener = suite.CreateOpener();
        opener.ReadLength(0, wire.AsSpan(0, opener.FirstChunkSize));
        Assert.That(() => opener.TryOpen(0, wire, new byte[packet.Length - 1]), Throws.ArgumentException);
    }

    private static void RoundTrip(PacketSealer sealer, PacketOpener opener, uint firstSequence, bool expectEncrypted)
    {
        var random = TestContext.CurrentContext.Random;
        var sequence = firstSequence;
        for (var i = 0; i < Packets; i++)
        {
            var payload = ProtectionSuite.RandomBytes(i == 0 ? 1 : random.Next(0, 3000));
            var packet = PacketPadding.BuildPacket(payload, sealer);
            var wire = ProtectionSuite.Seal(sealer, sequence, packet);
            Assert.That(wire, Has.Length.EqualTo(packet.Length + sealer.TagSize));
            if (expectEncrypted && payload.Length >= 16)
            {
                Assert.That(wire.AsSpan(5, payload.Length).SequenceEqual(payload), Is.False, "payload sent in clear");
            }

            var opened = ProtectionSuite.TryOpen(opener, sequence, wire, out var length, out var clear);

            Assert.That(opened, Is.True, $"packet {i}, sequence {sequence}");
            Assert.That(length, Is.EqualTo(BinaryPrimitives.ReadUInt32BigEndian(packet)));
            Assert.That(clear, Is.EqualTo(packet));
            sequence = unchecked(sequence + 1);
        }
    }

    private static void AssertSameShape(PacketSealer sealer, PacketOpener opener)
    {
        Assert.That(opener.BlockSize, Is.EqualTo(sealer.BlockSize));
        Assert.That(opener.TagSize, Is.EqualTo(sealer.TagSize));
        Assert.That(opener.LengthExcludedFromAlignment, Is.EqualTo(sealer.LengthExcludedFromAlignment));
    }
}
