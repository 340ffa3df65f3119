using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Connection;

/// <summary>SSH_MSG_GLOBAL_REQUEST (RFC 4254 §4): a request name, want reply, and request-specific data.</summary>
public sealed record GlobalRequestMessage(string RequestName, bool WantReply, byte[] RequestData) : ISshMessage
{
    public const byte Number = MessageNumbers.GlobalRequest;

    byte ISshMessage.MessageNumber => Number;

    public static GlobalRequestMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "GLOBAL_REQUEST");
        var requestName = reader.ReadString();
        var wantReply = reader.ReadBoolean();
        return new GlobalRequestMessage(requestName, wantReply, reader.ReadRest().ToArray());
    }

    public void Write(SshDataWriter writer) =>
        writer.WriteByte(Number).WriteString(RequestName).WriteBoolean(WantReply).WriteRaw(RequestData);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
