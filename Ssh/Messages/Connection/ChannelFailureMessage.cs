using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Connection;

/// <summary>SSH_MSG_CHANNEL_FAILURE (RFC 4254 §5.4): the channel request failed or is unknown.</summary>
public sealed record ChannelFailureMessage(uint RecipientChannel) : ISshMessage
{
    public const byte Number = MessageNumbers.ChannelFailure;

    byte ISshMessage.MessageNumber => Number;

    public static ChannelFailureMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "CHANNEL_FAILURE");
        return new ChannelFailureMessage(reader.ReadUInt32());
    }

    public void Write(SshDataWriter writer) => writer.WriteByte(Number).WriteUInt32(RecipientChannel);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
