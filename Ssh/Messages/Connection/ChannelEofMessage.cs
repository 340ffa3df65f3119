using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Connection;

/// <summary>SSH_MSG_CHANNEL_EOF (RFC 4254 §5.3): the sender sends no more data.</summary>
public sealed record ChannelEofMessage(uint RecipientChannel) : ISshMessage
{
    public const byte Number = MessageNumbers.ChannelEof;

    byte ISshMessage.MessageNumber => Number;

    public static ChannelEofMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "CHANNEL_EOF");
        return new ChannelEofMessage(reader.ReadUInt32());
    }

    public void Write(SshDataWriter writer) => writer.WriteByte(Number).WriteUInt32(RecipientChannel);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
