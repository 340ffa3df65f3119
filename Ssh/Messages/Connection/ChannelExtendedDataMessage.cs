using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Connection;

/// <summary>
/// SSH_MSG_CHANNEL_EXTENDED_DATA (RFC 4254 §5.2): data of another stream, stderr being the only one
/// defined. When read, <see cref="Data"/> is a copy owned by the message.
/// </summary>
public sealed record ChannelExtendedDataMessage(uint RecipientChannel, uint DataTypeCode, byte[] Data) : ISshMessage
{
    public const byte Number = MessageNumbers.ChannelExtendedData;

    /// <summary>SSH_EXTENDED_DATA_STDERR.</summary>
    public const uint Stderr = 1;

    /// <summary>The payload bytes besides the data: number, channel, type code and length.</summary>
    public const int HeaderLength = 13;

    byte ISshMessage.MessageNumber => Number;

    public static ChannelExtendedDataMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "CHANNEL_EXTENDED_DATA");
        var recipientChannel = reader.ReadUInt32();
        var dataTypeCode = reader.ReadUInt32();
        var data = reader.ReadBinaryArray();
        return new ChannelExtendedDataMessage(recipientChannel, dataTypeCode, data);
    }

    public void Write(SshDataWriter writer) =>
        writer.WriteByte(Number).WriteUInt32(RecipientChannel).WriteUInt32(DataTypeCode).WriteBinary(Data);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
