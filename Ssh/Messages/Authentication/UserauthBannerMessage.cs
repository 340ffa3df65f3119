using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Authentication;

/// <summary>SSH_MSG_USERAUTH_BANNER (RFC 4252 §5.4): text the client shows before authentication.</summary>
public sealed record UserauthBannerMessage(string Message, string Language = "") : ISshMessage
{
    public const byte Number = MessageNumbers.UserauthBanner;

    byte ISshMessage.MessageNumber => Number;

    public static UserauthBannerMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "USERAUTH_BANNER");
        var message = reader.ReadString();
        var language = reader.ReadString();
        return new UserauthBannerMessage(message, language);
    }

    public void Write(SshDataWriter writer) => writer.WriteByte(Number).WriteString(Message).WriteString(Language);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
