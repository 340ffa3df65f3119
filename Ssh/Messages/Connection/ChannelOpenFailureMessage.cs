using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Connection;

/// <summary>SSH_MSG_CHANNEL_OPEN_FAILURE (RFC 4254 §5.1): the opener's channel number, a reason code and text.</summary>
public sealed record ChannelOpenFailureMessage(uint RecipientChannel, uint ReasonCode, string Description, string Language = "") : ISshMessage
{
    public const byte Number = MessageNumbers.ChannelOpenFailure;

    // Reason codes, RFC 4254 §5.1.
    public const uint AdministrativelyProhibited = 1;
    public const uint ConnectFailed = 2;
    public const uint UnknownChannelType = 3;
    public const uint ResourceShortage = 4;

    byte ISshMessage.MessageNumber => Number;

    public static ChannelOpenFailureMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "CHANNEL_OPEN_FAILURE");
        var recipientChannel = reader.ReadUInt32();
        var reasonCode = reader.ReadUInt32();
        var description = reader.ReadString();
        var language = reader.ReadString();
        return new ChannelOpenFailureMessage(recipientChannel, reasonCode, description, language);
    }

    public void Write(SshDataWriter writer) =>
        writer.WriteByte(Number).WriteUInt32(RecipientChannel).WriteUInt32(ReasonCode)
            .WriteString(Description).WriteString(Language);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
