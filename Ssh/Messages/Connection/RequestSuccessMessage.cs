using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Connection;

/// <summary>SSH_MSG_REQUEST_SUCCESS (RFC 4254 §4): response-specific data, usually none.</summary>
public sealed record RequestSuccessMessage(byte[] Data) : ISshMessage
{
    public const byte Number = MessageNumbers.RequestSuccess;

    public RequestSuccessMessage()
        : this([])
    {
    }

    byte ISshMessage.MessageNumber => Number;

    public static RequestSuccessMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "REQUEST_SUCCESS");
        return new RequestSuccessMessage(reader.ReadRest().ToArray());
    }

    public void Write(SshDataWriter writer) => writer.WriteByte(Number).WriteRaw(Data);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
