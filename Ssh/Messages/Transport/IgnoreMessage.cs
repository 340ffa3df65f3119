using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Transport;

/// <summary>SSH_MSG_IGNORE (RFC 4253 §11.2): data the receiver discards.</summary>
public sealed record IgnoreMessage(byte[] Data) : ISshMessage
{
    public const byte Number = MessageNumbers.Ignore;

    byte ISshMessage.MessageNumber => Number;

    public static IgnoreMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "IGNORE");
        return new IgnoreMessage(reader.ReadBinaryArray());
    }

    public void Write(SshDataWriter writer) => writer.WriteByte(Number).WriteBinary(Data);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
