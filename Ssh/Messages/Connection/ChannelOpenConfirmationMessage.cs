using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Connection;

/// <summary>
/// SSH_MSG_CHANNEL_OPEN_CONFIRMATION (RFC 4254 §5.1): the opener's channel number, ours, our window
/// and maximum packet size, and type-specific data (none for "session").
/// </summary>
public sealed record ChannelOpenConfirmationMessage(
    uint RecipientChannel, uint SenderChannel, uint InitialWindowSize, uint MaximumPacketSize, byte[] Data) : ISshMessage
{
    public const byte Number = MessageNumbers.ChannelOpenConfirmation;

    public ChannelOpenConfirmationMessage(uint recipientChannel, uint senderChannel, uint initialWindowSize, uint maximumPacketSize)
        : this(recipientChannel, senderChannel, initialWindowSize, maximumPacketSize, [])
    {
    }

    byte ISshMessage.MessageNumber => Number;

    public static ChannelOpenConfirmationMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "CHANNEL_OPEN_CONFIRMATION");
        var recipientChannel = reader.ReadUInt32();
        var senderChannel = reader.ReadUInt32();
        var initialWindowSize = reader.ReadUInt32();
        var maximumPacketSize = reader.ReadUInt32();
        var data = reader.ReadRest().ToArray();
        return new ChannelOpenConfirmationMessage(recipientChannel, senderChannel, initialWindowSize, maximumPacketSize, data);
    }

    public void Write(SshDataWriter writer) =>
        writer.WriteByte(Number).WriteUInt32(RecipientChannel).WriteUInt32(SenderChannel)
            .WriteUInt32(InitialWindowSize).WriteUInt32(MaximumPacketSize).WriteRaw(Data);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
