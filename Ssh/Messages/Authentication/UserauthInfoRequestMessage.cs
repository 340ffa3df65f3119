using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Authentication;

/// <summary>
/// SSH_MSG_USERAUTH_INFO_REQUEST (RFC 4256 §3.2): a name, an instruction, a deprecated language tag
/// and the prompts, each with whether the client should echo the answer. Shares its number with
/// USERAUTH_PK_OK.
/// </summary>
public sealed record UserauthInfoRequestMessage(
    string Name, string Instruction, string Language, IReadOnlyList<(string Prompt, bool Echo)> Prompts) : ISshMessage
{
    public const byte Number = MessageNumbers.UserauthInfoRequest;

    byte ISshMessage.MessageNumber => Number;

    public static UserauthInfoRequestMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "USERAUTH_INFO_REQUEST");
        var name = reader.ReadString();
        var instruction = reader.ReadString();
        var language = reader.ReadString();
        var count = MessageFormat.ReadCount(ref reader, 5, "prompts");
        var prompts = new List<(string Prompt, bool Echo)>(count);
        for (var i = 0; i < count; i++)
        {
            var prompt = reader.ReadString();
            var echo = reader.ReadBoolean();
            prompts.Add((prompt, echo));
        }

        return new UserauthInfoRequestMessage(name, instruction, language, prompts);
    }

    public void Write(SshDataWriter writer)
    {
        writer.WriteByte(Number).WriteString(Name).WriteString(Instruction).WriteString(Language)
            .WriteUInt32((uint)Prompts.Count);
        foreach (var (prompt, echo) in Prompts)
        {
            writer.WriteString(prompt).WriteBoolean(echo);
        }
    }

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
