using System.Text;
using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Connection;

/// <summary>
/// The data of an "exec" channel request (RFC 4254 §6.5): the command line as the client sent it.
/// <see cref="Command"/> decodes it leniently (invalid UTF-8 becomes U+FFFD), as a shell would take
/// arbitrary bytes.
/// </summary>
public sealed record ExecRequest(byte[] CommandBytes)
{
    public const string RequestType = ChannelRequestTypes.Exec;

    public ExecRequest(string command)
        : this(Encoding.UTF8.GetBytes(command))
    {
    }

    public string Command => Encoding.UTF8.GetString(CommandBytes);

    /// <summary>Parses <see cref="ChannelRequestMessage.RequestData"/>; trailing bytes are ignored.</summary>
    public static ExecRequest Read(ReadOnlySpan<byte> requestData)
    {
        var reader = new SshDataReader(requestData);
        return new ExecRequest(reader.ReadBinaryArray());
    }

    public void Write(SshDataWriter writer) => writer.WriteBinary(CommandBytes);

    public byte[] ToRequestData()
    {
        var writer = new SshDataWriter();
        Write(writer);
        return writer.ToArray();
    }
}
