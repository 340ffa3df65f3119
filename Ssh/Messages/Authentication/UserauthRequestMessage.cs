using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Authentication;

/// <summary>
/// SSH_MSG_USERAUTH_REQUEST (RFC 4252 §5). The method-specific fields are kept unparsed in
/// <see cref="MethodData"/>, to be read with <see cref="PasswordRequest"/>,
/// <see cref="PublicKeyRequest"/> or <see cref="KeyboardInteractiveRequest"/> according to
/// <see cref="MethodName"/>. <see cref="MethodData"/> may hold a password: it is never printed.
/// </summary>
public sealed record UserauthRequestMessage(string UserName, string ServiceName, string MethodName, byte[] MethodData) : ISshMessage
{
    public const byte Number = MessageNumbers.UserauthRequest;

    byte ISshMessage.MessageNumber => Number;

    public static UserauthRequestMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "USERAUTH_REQUEST");
        var userName = reader.ReadString();
        var serviceName = reader.ReadString();
        var methodName = reader.ReadString();
        var methodData = reader.ReadRest().ToArray();
        return new UserauthRequestMessage(userName, serviceName, methodName, methodData);
    }

    public void Write(SshDataWriter writer) =>
        writer.WriteByte(Number).WriteString(UserName).WriteString(ServiceName).WriteString(MethodName).WriteRaw(MethodData);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("UserName = ").Append(UserName)
            .Append(", ServiceName = ").Append(ServiceName)
            .Append(", MethodName = ").Append(MethodName)
            .Append(", MethodData = ").Append(MethodData.Length).Append(" bytes");
        return true;
    }
}
