using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Transport;

/// <summary>
/// SSH_MSG_EXT_INFO (RFC 8308 §2.3): extension names and their values, in order. A value is a
/// `string` whose format the extension defines (server-sig-algs: a name-list).
/// </summary>
public sealed record ExtInfoMessage(IReadOnlyList<KeyValuePair<string, byte[]>> Extensions) : ISshMessage
{
    public const byte Number = MessageNumbers.ExtInfo;

    /// <summary>The extension listing the public key signature algorithms the server accepts (RFC 8308 §3.1).</summary>
    public const string ServerSigAlgs = "server-sig-algs";

    byte ISshMessage.MessageNumber => Number;

    public static ExtInfoMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "EXT_INFO");
        var count = MessageFormat.ReadCount(ref reader, 8, "extensions");
        var extensions = new List<KeyValuePair<string, byte[]>>(count);
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            var value = reader.ReadBinaryArray();
            extensions.Add(new KeyValuePair<string, byte[]>(name, value));
        }

        return new ExtInfoMessage(extensions);
    }

    public void Write(SshDataWriter writer)
    {
        writer.WriteByte(Number).WriteUInt32((uint)Extensions.Count);
        foreach (var (name, value) in Extensions)
        {
            writer.WriteString(name).WriteBinary(value);
        }
    }

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
