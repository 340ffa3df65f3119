using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Connection;

/// <summary>SSH_MSG_CHANNEL_CLOSE (RFC 4254 §5.3).</summary>
public sealed record ChannelCloseMessage(uint RecipientChannel) : ISshMessage
{
    public const byte Number = MessageNumbers.ChannelClose;

    byte ISshMessage.MessageNumber => Number;

    public static ChannelCloseMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "CHANNEL_CLOSE");
        return new ChannelCloseMessage(reader.ReadUInt32());
    }

    public void Write(SshDataWriter writer) => writer.WriteByte(Number).WriteUInt32(RecipientChannel);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
