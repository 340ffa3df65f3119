using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Connection;

/// <summary>
/// SSH_MSG_CHANNEL_REQUEST (RFC 4254 §5.4): the recipient channel, the request type, want reply and
/// the type-specific data unparsed in <see cref="RequestData"/>, to be read with <see cref="PtyRequest"/>,
/// <see cref="WindowChangeRequest"/>, <see cref="EnvRequest"/>, <see cref="ExecRequest"/> or
/// <see cref="ExitStatusRequest"/> according to <see cref="RequestType"/>.
/// </summary>
public sealed record ChannelRequestMessage(uint RecipientChannel, string RequestType, bool WantReply, byte[] RequestData) : ISshMessage
{
    public const byte Number = MessageNumbers.ChannelRequest;

    public ChannelRequestMessage(uint recipientChannel, string requestType, bool wantReply)
        : this(recipientChannel, requestType, wantReply, [])
    {
    }

    byte ISshMessage.MessageNumber => Number;

    public static ChannelRequestMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "CHANNEL_REQUEST");
        var recipientChannel = reader.ReadUInt32();
        var requestType = reader.ReadString();
        var wantReply = reader.ReadBoolean();
        var requestData = reader.ReadRest().ToArray();
        return new ChannelRequestMessage(recipientChannel, requestType, wantReply, requestData);
    }

    public void Write(SshDataWriter writer) =>
        writer.WriteByte(Number).WriteUInt32(RecipientChannel).WriteString(RequestType).WriteBoolean(WantReply).WriteRaw(RequestData);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
