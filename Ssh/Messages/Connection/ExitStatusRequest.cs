using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Connection;

/// <summary>
/// The data of an "exit-status" channel request (RFC 4254 §6.10), sent by the server with want reply
/// FALSE when the command ends.
/// </summary>
public sealed record ExitStatusRequest(uint ExitStatus)
{
    public const string RequestType = ChannelRequestTypes.ExitStatus;

    /// <summary>Parses <see cref="ChannelRequestMessage.RequestData"/>; trailing bytes are ignored.</summary>
    public static ExitStatusRequest Read(ReadOnlySpan<byte> requestData)
    {
        var reader = new SshDataReader(requestData);
        return new ExitStatusRequest(reader.ReadUInt32());
    }

    public void Write(SshDataWriter writer) => writer.WriteUInt32(ExitStatus);

    public byte[] ToRequestData()
    {
        var writer = new SshDataWriter();
        Write(writer);
        return writer.ToArray();
    }
}
