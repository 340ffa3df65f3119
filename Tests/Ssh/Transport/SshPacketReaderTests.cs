using System.Security.Cryptography;
using VirtualFirewall.Ssh;
using VirtualFirewall.Ssh.Algorithms.Ciphers;
using VirtualFirewall.Ssh.Transport;

namespace VirtualFirewall.Tests.Ssh.Transport;

/// <summary>The packet reader gives the same payloads however the bytes arrive.</summary>
[TestFixture]
public sealed class SshPacketReaderTests
{
    public static IEnumerable<TestCaseData> Suites()
    {
        yield return new TestCaseData("none", null).SetArgDisplayNames("none");
        yield return new TestCaseData("aes128-ctr", "hmac-sha2-256").SetArgDisplayNames("aes128-ctr", "hmac-sha2-256");
        yield return new TestCaseData("aes256-ctr", "hmac-sha2-512-etm@openssh.com").SetArgDisplayNames("aes256-ctr", "hmac-sha2-512-etm");
        yield return new TestCaseData("aes128-gcm@openssh.com", null).SetArgDisplayNames("aes128-gcm");
        yield return new TestCaseData("chacha20-poly1305@openssh.com", null).SetArgDisplayNames("chacha20-poly1305");
    }

    [TestCaseSource(nameof(Suites))]
    public async Task EverySplitPointGivesTheSamePayloads(string cipher, string? mac)
    {
        byte[][] payloads = [[20, 1, 2, 3], new byte[300], [.. Enumerable.Range(0, 77).Select(i => (byte)i)]];
        var wire = await WriteAsync(cipher, mac, payloads);

        for (var split = 0; split <= wire.Length; split++)
        {
            var read = await ReadAllAsync(cipher, mac, new SplitStream(wire, [split]), payloads.Length);
            Assert.That(read, Is.EqualTo(payloads), $"split at {split}");
        }

        Assert.That(await ReadAllAsync(cipher, mac, new SplitStream(wire, [.. Enumerable.Range(1, wire.Length)]), payloads.Length), Is.EqualTo(payloads), "one byte at a time");
    }

    [TestCaseSource(nameof(Suites))]
    public async Task AFlippedBitNeverYieldsAPacket(string cipher, string? mac)
    {
        if (cipher == "none")
        {
            Assert.Pass("nothing protects a packet before the first key exchange");
        }

        var wire = await WriteAsync(cipher, mac, [new byte[64]]);
        for (var position = 0; position < wire.Length; position++)
        {
            var bad = (byte[])wire.Clone();
            bad[position] ^= 0x10;
            var error = Assert.ThrowsAsync<SshProtocolException>(() => ReadAllAsync(cipher, mac, new SplitStream(bad, []), 1));
            // A changed length either breaks the bounds, or makes the reader wait for bytes that never come.
            Assert.That(error!.Reason, Is.EqualTo(SshDisconnectReason.MacError).Or.EqualTo(SshDisconnectReason.ProtocolError).Or.EqualTo(SshDisconnectReason.ConnectionLost), $"byte {position}");
            if (position >= 4)
            {
                Assert.That(error.Reason, Is.EqualTo(SshDisconnectReason.MacError), $"byte {position} is past the length field");
            }
        }
    }

    [TestCase(0u)]
    [TestCase(4u)]
    [TestCase(35_001u)]
    [TestCase(0x80000000u)]
    [TestCase(0xFFFFFFFFu)]
    public void AnOutOfBoundsLengthIsAProtocolError(uint length)
    {
        var wire = new byte[64];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(wire, length);

        var error = Assert.ThrowsAsync<SshProtocolException>(() => ReadAllAsync("none", null, new SplitStream(wire, []), 1));

        Assert.That(error!.Reason, Is.EqualTo(SshDisconnectReason.ProtocolError));
    }

    [Test]
    public void ATruncatedPacketIsAConnectionLoss()
    {
        var wire = new byte[] { 0, 0, 0, 12, 4, 20, 1, 2 };

        var error = Assert.ThrowsAsync<SshProtocolException>(() => ReadAllAsync("none", null, new SplitStream(wire, []), 1));

        Assert.That(error!.Reason, Is.EqualTo(SshDisconnectReason.ConnectionLost));
    }

    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(64);
    private static readonly byte[] Iv = RandomNumberGenerator.GetBytes(16);
    private static readonly byte[] MacKey = RandomNumberGenerator.GetBytes(64);

    /// <summary>A writer sealing with this fixture's keys, from sequence 7, as <see cref="ReadAllAsync"/> expects.</summary>
    internal static SshPacketWriter Writer(Stream output, string cipher, string? mac)
    {
        var writer = new SshPacketWriter(output) { Sequence = 7 };
        if (cipher != "none")
        {
            writer.Sealer = PacketProtection.CreateSealer(cipher, mac, Key.AsSpan(0, PacketProtection.KeySize(cipher)), Iv.AsSpan(0, PacketProtection.IvSize(cipher)), mac is null ? [] : MacKey.AsSpan(0, PacketProtection.MacKeySize(mac)));
        }

        return writer;
    }

    /// <summary>Reads <paramref name="count"/> payloads sealed by <see cref="Writer"/>.</summary>
    internal static async Task<List<byte[]>> ReadAllAsync(string cipher, string? mac, Stream stream, int count)
    {
        var reader = new SshPacketReader(stream, []) { Sequence = 7 };
        if (cipher != "none")
        {
            reader.Opener = PacketProtection.CreateOpener(cipher, mac, Key.AsSpan(0, PacketProtection.KeySize(cipher)), Iv.AsSpan(0, PacketProtection.IvSize(cipher)), mac is null ? [] : MacKey.AsSpan(0, PacketProtection.MacKeySize(mac)));
        }

        var payloads = new List<byte[]>();
        for (var i = 0; i < count; i++)
        {
            payloads.Add((await reader.ReadAsync(CancellationToken.None))!);
        }

        return payloads;
    }

    private static async Task<byte[]> WriteAsync(string cipher, string? mac, byte[][] payloads)
    {
        using var output = new MemoryStream();
        var writer = Writer(output, cipher, mac);
        foreach (var payload in payloads)
        {
            await writer.WriteAsync(payload, CancellationToken.None);
        }

        return output.ToArray();
    }

    /// <summary>A read-only stream that returns its bytes in the pieces the split points make.</summary>
    private sealed class SplitStream(byte[] data, int[] splits) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var next = splits.Where(s => s > _position).DefaultIfEmpty(data.Length).Min();
            var take = Math.Min(count, Math.Min(next, data.Length) - _position);
            Array.Copy(data, _position, buffer, offset, take);
            _position += take;
            return take;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
