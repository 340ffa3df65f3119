using VirtualFirewall.Ssh.IO;
using VirtualFirewall.Ssh.Messages;

namespace VirtualFirewall.Tests.Ssh.Messages;

[TestFixture]
public sealed class MessageRoundTripTests
{
    private static IEnumerable<Sample> All => MessageSamples.All();

    private static IEnumerable<Sample> Messages => MessageSamples.Messages();

    [TestCaseSource(nameof(All))]
    public void Read_of_written_bytes_has_equal_fields(Sample sample)
    {
        var bytes = sample.Bytes;

        var read = sample.Read(bytes);

        Assert.That(read.GetType(), Is.EqualTo(sample.Value.GetType()));
        Assert.That(StructuralDump.Of(read), Is.EqualTo(StructuralDump.Of(sample.Value)));
        Assert.That(sample.Write(read), Is.EqualTo(bytes));
    }

    [TestCaseSource(nameof(Messages))]
    public void Payload_starts_with_the_message_number(Sample sample)
    {
        var message = (ISshMessage)sample.Value;
        var number = (byte)message.GetType().GetField("Number")!.GetValue(null)!;
        var writer = new SshDataWriter();
        message.Write(writer);

        Assert.That(message.MessageNumber, Is.EqualTo(number));
        Assert.That(writer.ToArray(), Is.EqualTo(message.ToPayload()));
        Assert.That(message.ToPayload()[0], Is.EqualTo(number));
    }

    [TestCaseSource(nameof(All))]
    public void Trailing_bytes_are_ignored_or_kept_as_the_rest(Sample sample)
    {
        byte[] extended = [.. sample.Bytes, 0xDE, 0xAD, 0xBE, 0xEF];

        var read = sample.Read(extended);

        if (sample.RestLength is null)
        {
            Assert.That(StructuralDump.Of(read), Is.EqualTo(StructuralDump.Of(sample.Value)));
        }
        else
        {
            Assert.That(sample.Write(read), Is.EqualTo(extended), "the rest field keeps the extra bytes");
        }
    }
}
