using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Authentication;

/// <summary>
/// SSH_MSG_USERAUTH_PK_OK (RFC 4252 §7): the key the client asked about would be accepted. Shares
/// its number with USERAUTH_INFO_REQUEST.
/// </summary>
public sealed record UserauthPkOkMessage(string Algorithm, byte[] PublicKeyBlob) : ISshMessage
{
    public const byte Number = MessageNumbers.UserauthPkOk;

    byte ISshMessage.MessageNumber => Number;

    public static UserauthPkOkMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "USERAUTH_PK_OK");
        var algorithm = reader.ReadString();
        var publicKeyBlob = reader.ReadBinaryArray();
        return new UserauthPkOkMessage(algorithm, publicKeyBlob);
    }

    public void Write(SshDataWriter writer) => writer.WriteByte(Number).WriteString(Algorithm).WriteBinary(PublicKeyBlob);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
