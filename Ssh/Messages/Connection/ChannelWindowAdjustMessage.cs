using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Connection;

/// <summary>SSH_MSG_CHANNEL_WINDOW_ADJUST (RFC 4254 §5.2): bytes the recipient may now send.</summary>
public sealed record ChannelWindowAdjustMessage(uint RecipientChannel, uint BytesToAdd) : ISshMessage
{
    public const byte Number = MessageNumbers.ChannelWindowAdjust;

    byte ISshMessage.MessageNumber => Number;

    public static ChannelWindowAdjustMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "CHANNEL_WINDOW_ADJUST");
        var recipientChannel = reader.ReadUInt32();
        var bytesToAdd = reader.ReadUInt32();
        return new ChannelWindowAdjustMessage(recipientChannel, bytesToAdd);
    }

    public void Write(SshDataWriter writer) => writer.WriteByte(Number).WriteUInt32(RecipientChannel).WriteUInt32(BytesToAdd);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
