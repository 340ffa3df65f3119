using System.Security.Cryptography;
using VirtualFirewall.Ssh.Algorithms.Ciphers;
using VirtualFirewall.Ssh.Messages.Connection;
using VirtualFirewall.Ssh.Transport;

namespace VirtualFirewall.Tests.Ssh.Transport;

/// <summary>Batched packets leave in one socket write and open, in order, to what was written.</summary>
[TestFixture]
public sealed class SshPacketWriterTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(64);
    private static readonly byte[] Iv = RandomNumberGenerator.GetBytes(16);
    private static readonly byte[] MacKey = RandomNumberGenerator.GetBytes(64);

    public static IEnumerable<TestCaseData> Suites() => SshPacketReaderTests.Suites();

    [TestCaseSource(nameof(Suites))]
    public async Task A_batch_is_one_write_of_every_packet_in_order(string cipher, string? mac)
    {
        var output = new CountingStream();
        var writer = Writer(output, cipher, mac);
        var data = RandomNumberGenerator.GetBytes(30_000);

        writer.BeginBatch(64);
        await writer.WriteAsync(new byte[] { 93, 0, 0, 0, 5, 0, 32, 0, 0 }, CancellationToken.None);
        await writer.WriteChannelDataAsync(5, data, CancellationToken.None);
        await writer.WriteAsync(new byte[] { 96, 0, 0, 0, 5 }, CancellationToken.None);
        var writesBeforeFlush = output.Writes;
        await writer.FlushAsync(CancellationToken.None);

        Assert.That(writesBeforeFlush, Is.Zero);
        Assert.That(output.Writes, Is.EqualTo(1));
        Assert.That(
            await ReadAllAsync(cipher, mac, output.ToArray(), 3),
            Is.EqualTo(new[] { [93, 0, 0, 0, 5, 0, 32, 0, 0], new ChannelDataMessage(5, data).ToPayload(), new byte[] { 96, 0, 0, 0, 5 } }));
    }

    [TestCaseSource(nameof(Suites))]
    public async Task Channel_data_framed_directly_opens_to_the_message_layout(string cipher, string? mac)
    {
        var output = new CountingStream();
        var writer = Writer(output, cipher, mac);

        await writer.WriteChannelDataAsync(0x8000_0001, "show clock\r"u8.ToArray(), CancellationToken.None);
        await writer.WriteChannelDataAsync(2, Array.Empty<byte>(), CancellationToken.None);

        Assert.That(output.Writes, Is.EqualTo(2), "without a batch each packet is written at once");
        Assert.That(
            await ReadAllAsync(cipher, mac, output.ToArray(), 2),
            Is.EqualTo(new[] { new ChannelDataMessage(0x8000_0001, "show clock\r"u8.ToArray()).ToPayload(), new ChannelDataMessage(2, []).ToPayload() }));
    }

    [Test]
    public async Task A_discarded_batch_is_never_written_and_later_packets_go_straight_out()
    {
        var output = new CountingStream();
        var writer = Writer(output, "none", null);

        writer.BeginBatch(64);
        await writer.WriteAsync(new byte[] { 1, 2, 3 }, CancellationToken.None);
        writer.DiscardBatch();
        await writer.WriteAsync(new byte[] { 4, 5 }, CancellationToken.None);

        Assert.That(output.Writes, Is.EqualTo(1));
        var reader = new SshPacketReader(new MemoryStream(output.ToArray()), []);
        Assert.That(await reader.ReadAsync(CancellationToken.None), Is.EqualTo(new byte[] { 4, 5 }));
    }

    private static SshPacketWriter Writer(Stream output, string cipher, string? mac)
    {
        var writer = new SshPacketWriter(output) { Sequence = 7 };
        if (cipher != "none")
        {
            writer.Sealer = PacketProtection.CreateSealer(cipher, mac, Key.AsSpan(0, PacketProtection.KeySize(cipher)), Iv.AsSpan(0, PacketProtection.IvSize(cipher)), mac is null ? [] : MacKey.AsSpan(0, PacketProtection.MacKeySize(mac)));
        }

        return writer;
    }

    private static async Task<List<byte[]>> ReadAllAsync(string cipher, string? mac, byte[] wire, int count)
    {
        var reader = new SshPacketReader(new MemoryStream(wire), []) { Sequence = 7 };
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

    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes++;
            return base.WriteAsync(buffer, cancellationToken);
        }
    }
}
