using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Connection;

/// <summary>
/// SSH_MSG_CHANNEL_DATA (RFC 4254 §5.2). When read, <see cref="Data"/> is a copy owned by the message.
/// Record equality compares the array reference, not the bytes.
/// </summary>
public sealed record ChannelDataMessage(uint RecipientChannel, byte[] Data) : ISshMessage
{
    public const byte Number = MessageNumbers.ChannelData;

    /// <summary>The payload bytes besides the data: number, channel and length.</summary>
    public const int HeaderLength = 9;

    byte ISshMessage.MessageNumber => Number;

    public static ChannelDataMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "CHANNEL_DATA");
        var recipientChannel = reader.ReadUInt32();
        var data = reader.ReadBinaryArray();
        return new ChannelDataMessage(recipientChannel, data);
    }

    public void Write(SshDataWriter writer) => writer.WriteByte(Number).WriteUInt32(RecipientChannel).WriteBinary(Data);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
