using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Connection;

/// <summary>
/// SSH_MSG_CHANNEL_OPEN (RFC 4254 §5.1): the channel type, the sender's channel number, window and
/// maximum packet size, and type-specific data (none for "session").
/// </summary>
public sealed record ChannelOpenMessage(
    string ChannelType, uint SenderChannel, uint InitialWindowSize, uint MaximumPacketSize, byte[] Data) : ISshMessage
{
    public const byte Number = MessageNumbers.ChannelOpen;

    /// <summary>An interactive session (RFC 4254 §6.1).</summary>
    public const string SessionChannelType = "session";

    public ChannelOpenMessage(string channelType, uint senderChannel, uint initialWindowSize, uint maximumPacketSize)
        : this(channelType, senderChannel, initialWindowSize, maximumPacketSize, [])
    {
    }

    byte ISshMessage.MessageNumber => Number;

    public static ChannelOpenMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "CHANNEL_OPEN");
        var channelType = reader.ReadString();
        var senderChannel = reader.ReadUInt32();
        var initialWindowSize = reader.ReadUInt32();
        var maximumPacketSize = reader.ReadUInt32();
        var data = reader.ReadRest().ToArray();
        return new ChannelOpenMessage(channelType, senderChannel, initialWindowSize, maximumPacketSize, data);
    }

    public void Write(SshDataWriter writer) =>
        writer.WriteByte(Number).WriteString(ChannelType).WriteUInt32(SenderChannel)
            .WriteUInt32(InitialWindowSize).WriteUInt32(MaximumPacketSize).WriteRaw(Data);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
