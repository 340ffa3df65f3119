using System.Security.Cryptography;
using VirtualFirewall.Ssh.Messages.Connection;

namespace VirtualFirewall.Tests.Ssh.Transport;

/// <summary>Batched packets leave in one socket write and open, in order, to what was written.</summary>
[TestFixture]
public sealed class SshPacketWriterTests
{
    public static IEnumerable<TestCaseData> Suites() => SshPacketReaderTests.Suites();

    [TestCaseSource(nameof(Suites))]
    public async Task A_batch_of_small_packets_is_one_write(string cipher, string? mac)
    {
        var output = new CountingStream();
        var writer = SshPacketReaderTests.Writer(output, cipher, mac);

        writer.BeginBatch();
        await writer.WriteAsync(new byte[] { 93, 0, 0, 0, 5, 0, 32, 0, 0 }, CancellationToken.None);
        await writer.WriteChannelDataAsync(5, "show clock\r\n"u8.ToArray(), CancellationToken.None);
        await writer.WriteAsync(new byte[] { 96, 0, 0, 0, 5 }, CancellationToken.None);
        var writesBeforeFlush = output.Writes;
        await writer.FlushAsync(CancellationToken.None);

        Assert.That(writesBeforeFlush, Is.Zero);
        Assert.That(output.Writes, Is.EqualTo(1));
        Assert.That(writer.Batched, Is.EqualTo(output.Length));
        Assert.That(
            await SshPacketReaderTests.ReadAllAsync(cipher, mac, new MemoryStream(output.ToArray()), 3),
            Is.EqualTo(new[] { [93, 0, 0, 0, 5, 0, 32, 0, 0], new ChannelDataMessage(5, "show clock\r\n"u8.ToArray()).ToPayload(), new byte[] { 96, 0, 0, 0, 5 } }));
    }

    [TestCaseSource(nameof(Suites))]
    public async Task A_packet_that_does_not_fit_the_batch_sends_what_was_collected_first(string cipher, string? mac)
    {
        var output = new CountingStream();
        var writer = SshPacketReaderTests.Writer(output, cipher, mac);
        var data = RandomNumberGenerator.GetBytes(30_000);

        writer.BeginBatch();
        await writer.WriteAsync(new byte[] { 93, 0, 0, 0, 5, 0, 32, 0, 0 }, CancellationToken.None);
        await writer.WriteChannelDataAsync(5, data, CancellationToken.None);
        await writer.WriteAsync(new byte[] { 96, 0, 0, 0, 5 }, CancellationToken.None);
        await writer.FlushAsync(CancellationToken.None);

        Assert.That(output.Writes, Is.EqualTo(2), "the small packet, then the large one with the one after it");
        Assert.That(
            await SshPacketReaderTests.ReadAllAsync(cipher, mac, new MemoryStream(output.ToArray()), 3),
            Is.EqualTo(new[] { [93, 0, 0, 0, 5, 0, 32, 0, 0], new ChannelDataMessage(5, data).ToPayload(), new byte[] { 96, 0, 0, 0, 5 } }));
    }

    [TestCaseSource(nameof(Suites))]
    public async Task Channel_data_framed_directly_opens_to_the_message_layout(string cipher, string? mac)
    {
        var output = new CountingStream();
        var writer = SshPacketReaderTests.Writer(output, cipher, mac);

        await writer.WriteChannelDataAsync(0x8000_0001, "show clock\r"u8.ToArray(), CancellationToken.None);
        await writer.WriteChannelDataAsync(2, Array.Empty<byte>(), CancellationToken.None);

        Assert.That(output.Writes, Is.EqualTo(2), "without a batch each packet is written at once");
        Assert.That(
            await SshPacketReaderTests.ReadAllAsync(cipher, mac, new MemoryStream(output.ToArray()), 2),
            Is.EqualTo(new[] { new ChannelDataMessage(0x8000_0001, "show clock\r"u8.ToArray()).ToPayload(), new ChannelDataMessage(2, []).ToPayload() }));
    }

    [Test]
    public async Task A_discarded_batch_is_never_written_and_later_packets_go_straight_out()
    {
        var output = new CountingStream();
        var writer = SshPacketReaderTests.Writer(output, "none", null);

        writer.BeginBatch();
        await writer.WriteAsync(new byte[] { 1, 2, 3 }, CancellationToken.None);
        writer.DiscardBatch();
        await writer.WriteAsync(new byte[] { 4, 5 }, CancellationToken.None);

        Assert.That(output.Writes, Is.EqualTo(1));
        Assert.That(await SshPacketReaderTests.ReadAllAsync("none", null, new MemoryStream(output.ToArray()), 1), Is.EqualTo(new[] { new byte[] { 4, 5 } }));
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
