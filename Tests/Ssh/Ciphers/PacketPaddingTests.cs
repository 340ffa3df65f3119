using System.Buffers.Binary;
using VirtualFirewall.Ssh.Algorithms.Ciphers;

namespace VirtualFirewall.Tests.Ssh.Ciphers;

[TestFixture]
public sealed class PacketPaddingTests
{
    [TestCase(8, false)]
    [TestCase(8, true)]
    [TestCase(16, false)]
    [TestCase(16, true)]
    public void PaddingAlignsAndStaysInRange(int blockSize, bool lengthExcluded)
    {
        for (var payload = 0; payload <= 1000; payload++)
        {
            var padding = PacketPadding.PaddingLength(payload, blockSize, lengthExcluded);
            var total = 4 + 1 + payload + padding;

            Assert.That(padding, Is.InRange(4, 255));
            Assert.That(padding, Is.LessThan(4 + (2 * blockSize)));
            Assert.That((lengthExcluded ? total - 4 : total) % blockSize, Is.Zero, $"payload {payload}");
            Assert.That(total, Is.GreaterThanOrEqualTo(16));
        }
    }

    [TestCaseSource(typeof(ProtectionSuite), nameof(ProtectionSuite.All))]
    public void BuildPacketFramesThePayload(ProtectionSuite suite)
    {
        using var sealer = suite.CreateSealer();
        var payload = ProtectionSuite.RandomBytes(77);
        var packet = PacketPadding.BuildPacket(payload, sealer);

        var length = BinaryPrimitives.ReadUInt32BigEndian(packet);
        Assert.That(length, Is.EqualTo(packet.Length - 4));
        Assert.That(packet[4], Is.EqualTo(PacketPadding.PaddingLength(payload.Length, sealer.BlockSize, sealer.LengthExcludedFromAlignment)));
        Assert.That(packet.AsSpan(5, payload.Length).ToArray(), Is.EqualTo(payload));
        Assert.That((sealer.LengthExcludedFromAlignment ? length : length + 4) % sealer.BlockSize, Is.Zero);
    }

    [Test]
    public void PaddingIsRandom()
    {
        var first = PacketPadding.BuildPacket([], 16, false);
        var second = PacketPadding.BuildPacket([], 16, false);
        Assert.That(first.AsSpan(5).SequenceEqual(second.AsSpan(5)), Is.False);
    }

    [Test]
    public void OutOfRangeArgumentsAreRefused()
    {
        Assert.That(() => PacketPadding.PaddingLength(-1, 8, false), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => PacketPadding.PaddingLength(10, 4, false), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => PacketPadding.PaddingLength(10, 128, false), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
