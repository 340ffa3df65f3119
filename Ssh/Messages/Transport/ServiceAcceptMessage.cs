using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Transport;

/// <summary>SSH_MSG_SERVICE_ACCEPT (RFC 4253 §10).</summary>
public sealed record ServiceAcceptMessage(string ServiceName) : ISshMessage
{
    public const byte Number = MessageNumbers.ServiceAccept;

    byte ISshMessage.MessageNumber => Number;

    public static ServiceAcceptMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "SERVICE_ACCEPT");
        return new ServiceAcceptMessage(reader.ReadString());
    }

    public void Write(SshDataWriter writer) => writer.WriteByte(Number).WriteString(ServiceName);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
