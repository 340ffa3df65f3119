using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Authentication;

/// <summary>SSH_MSG_USERAUTH_SUCCESS (RFC 4252 §5.1): no fields.</summary>
public sealed record UserauthSuccessMessage : ISshMessage
{
    public const byte Number = MessageNumbers.UserauthSuccess;

    public static UserauthSuccessMessage Instance { get; } = new();

    byte ISshMessage.MessageNumber => Number;

    public static UserauthSuccessMessage Read(ReadOnlySpan<byte> payload)
    {
        MessageFormat.Open(payload, Number, "USERAUTH_SUCCESS");
        return Instance;
    }

    public void Write(SshDataWriter writer) => writer.WriteByte(Number);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
