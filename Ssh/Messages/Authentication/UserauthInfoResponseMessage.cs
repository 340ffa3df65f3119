using System.Text;
using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Authentication;

/// <summary>
/// SSH_MSG_USERAUTH_INFO_RESPONSE (RFC 4256 §3.4): one answer per prompt. The answers are usually
/// passwords: <see cref="object.ToString"/> shows only how many there are.
/// </summary>
public sealed record UserauthInfoResponseMessage(IReadOnlyList<string> Responses) : ISshMessage
{
    public const byte Number = MessageNumbers.UserauthInfoResponse;

    byte ISshMessage.MessageNumber => Number;

    public static UserauthInfoResponseMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "USERAUTH_INFO_RESPONSE");
        var count = MessageFormat.ReadCount(ref reader, 4, "responses");
        var responses = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            responses.Add(reader.ReadString());
        }

        return new UserauthInfoResponseMessage(responses);
    }

    public void Write(SshDataWriter writer)
    {
        writer.WriteByte(Number).WriteUInt32((uint)Responses.Count);
        foreach (var response in Responses)
        {
            writer.WriteString(response);
        }
    }

    public byte[] ToPayload() => MessageFormat.ToPayload(this);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Responses = ").Append(Responses.Count).Append(" redacted");
        return true;
    }
}
