using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Transport;

/// <summary>SSH_MSG_DEBUG (RFC 4253 §11.3).</summary>
public sealed record DebugMessage(bool AlwaysDisplay, string Message, string Language = "") : ISshMessage
{
    public const byte Number = MessageNumbers.Debug;

    byte ISshMessage.MessageNumber => Number;

    public static DebugMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "DEBUG");
        var alwaysDisplay = reader.ReadBoolean();
        var message = reader.ReadString();
        var language = reader.ReadString();
        return new DebugMessage(alwaysDisplay, message, language);
    }

    public void Write(SshDataWriter writer) =>
        writer.WriteByte(Number).WriteBoolean(AlwaysDisplay).WriteString(Message).WriteString(Language);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
