using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Authentication;

/// <summary>SSH_MSG_USERAUTH_FAILURE (RFC 4252 §5.1): the methods that can continue, and partial success.</summary>
public sealed record UserauthFailureMessage(IReadOnlyList<string> AllowedMethods, bool PartialSuccess = false) : ISshMessage
{
    public const byte Number = MessageNumbers.UserauthFailure;

    byte ISshMessage.MessageNumber => Number;

    public static UserauthFailureMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "USERAUTH_FAILURE");
        var methods = reader.ReadNameList();
        var partialSuccess = reader.ReadBoolean();
        return new UserauthFailureMessage(methods, partialSuccess);
    }

    public void Write(SshDataWriter writer) =>
        writer.WriteByte(Number).WriteNameList(AllowedMethods).WriteBoolean(PartialSuccess);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
