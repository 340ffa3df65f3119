using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Connection;

/// <summary>SSH_MSG_CHANNEL_SUCCESS (RFC 4254 §5.4): the channel request succeeded.</summary>
public sealed record ChannelSuccessMessage(uint RecipientChannel) : ISshMessage
{
    public const byte Number = MessageNumbers.ChannelSuccess;

    byte ISshMessage.MessageNumber => Number;

    public static ChannelSuccessMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "CHANNEL_SUCCESS");
        return new ChannelSuccessMessage(reader.ReadUInt32());
    }

    public void Write(SshDataWriter writer) => writer.WriteByte(Number).WriteUInt32(RecipientChannel);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
