using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Connection;

/// <summary>The data of an "env" channel request (RFC 4254 §6.4): a variable name and its value.</summary>
public sealed record EnvRequest(string Name, string Value)
{
    public const string RequestType = ChannelRequestTypes.Env;

    /// <summary>Parses <see cref="ChannelRequestMessage.RequestData"/>; trailing bytes are ignored.</summary>
    public static EnvRequest Read(ReadOnlySpan<byte> requestData)
    {
        var reader = new SshDataReader(requestData);
        var name = reader.ReadString();
        var value = reader.ReadString();
        return new EnvRequest(name, value);
    }

    public void Write(SshDataWriter writer) => writer.WriteString(Name).WriteString(Value);

    public byte[] ToRequestData()
    {
        var writer = new SshDataWriter();
        Write(writer);
        return writer.ToArray();
    }
}
