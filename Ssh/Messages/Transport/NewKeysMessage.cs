using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Transport;

/// <summary>SSH_MSG_NEWKEYS (RFC 4253 §7.3): no fields.</summary>
public sealed record NewKeysMessage : ISshMessage
{
    public const byte Number = MessageNumbers.NewKeys;

    public static NewKeysMessage Instance { get; } = new();

    byte ISshMessage.MessageNumber => Number;

    public static NewKeysMessage Read(ReadOnlySpan<byte> payload)
    {
        MessageFormat.Open(payload, Number, "NEWKEYS");
        return Instance;
    }

    public void Write(SshDataWriter writer) => writer.WriteByte(Number);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
