using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Transport;

/// <summary>SSH_MSG_DISCONNECT (RFC 4253 §11.1). A reason code outside the enum is kept as it came.</summary>
public sealed record DisconnectMessage(SshDisconnectReason ReasonCode, string Description, string Language = "") : ISshMessage
{
    public const byte Number = MessageNumbers.Disconnect;

    byte ISshMessage.MessageNumber => Number;

    public static DisconnectMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "DISCONNECT");
        var reason = (SshDisconnectReason)reader.ReadUInt32();
        var description = reader.ReadString();
        var language = reader.ReadString();
        return new DisconnectMessage(reason, description, language);
    }

    public void Write(SshDataWriter writer) =>
        writer.WriteByte(Number).WriteUInt32((uint)ReasonCode).WriteString(Description).WriteString(Language);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
