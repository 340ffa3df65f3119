using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Transport;

/// <summary>SSH_MSG_SERVICE_REQUEST (RFC 4253 §10).</summary>
public sealed record ServiceRequestMessage(string ServiceName) : ISshMessage
{
    public const byte Number = MessageNumbers.ServiceRequest;

    /// <summary>The user authentication protocol (RFC 4252).</summary>
    public const string UserAuthService = "ssh-userauth";

    /// <summary>The connection protocol (RFC 4254), requested in USERAUTH_REQUEST.</summary>
    public const string ConnectionService = "ssh-connection";

    byte ISshMessage.MessageNumber => Number;

    public static ServiceRequestMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "SERVICE_REQUEST");
        return new ServiceRequestMessage(reader.ReadString());
    }

    public void Write(SshDataWriter writer) => writer.WriteByte(Number).WriteString(ServiceName);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
