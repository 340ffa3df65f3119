using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Connection;

/// <summary>SSH_MSG_REQUEST_FAILURE (RFC 4254 §4): no fields.</summary>
public sealed record RequestFailureMessage : ISshMessage
{
    public const byte Number = MessageNumbers.RequestFailure;

    public static RequestFailureMessage Instance { get; } = new();

    byte ISshMessage.MessageNumber => Number;

    public static RequestFailureMessage Read(ReadOnlySpan<byte> payload)
    {
        MessageFormat.Open(payload, Number, "REQUEST_FAILURE");
        return Instance;
    }

    public void Write(SshDataWriter writer) => writer.WriteByte(Number);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
