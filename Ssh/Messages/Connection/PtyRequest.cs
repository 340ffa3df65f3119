using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Connection;

/// <summary>
/// The data of a "pty-req" channel request (RFC 4254 §6.2): TERM, the size in characters and in
/// pixels (0 when unknown), and the encoded terminal modes (RFC 4254 §8), kept as bytes.
/// </summary>
public sealed record PtyRequest(
    string Term, uint Columns, uint Rows, uint WidthPixels, uint HeightPixels, byte[] Modes)
{
    public const string RequestType = ChannelRequestTypes.PtyRequest;

    /// <summary>Parses <see cref="ChannelRequestMessage.RequestData"/>; trailing bytes are ignored.</summary>
    public static PtyRequest Read(ReadOnlySpan<byte> requestData)
    {
        var reader = new SshDataReader(requestData);
        var term = reader.ReadString();
        var columns = reader.ReadUInt32();
        var rows = reader.ReadUInt32();
        var widthPixels = reader.ReadUInt32();
        var heightPixels = reader.ReadUInt32();
        var modes = reader.ReadBinaryArray();
        return new PtyRequest(term, columns, rows, widthPixels, heightPixels, modes);
    }

    public void Write(SshDataWriter writer) =>
        writer.WriteString(Term).WriteUInt32(Columns).WriteUInt32(Rows)
            .WriteUInt32(WidthPixels).WriteUInt32(HeightPixels).WriteBinary(Modes);

    public byte[] ToRequestData()
    {
        var writer = new SshDataWriter();
        Write(writer);
        return writer.ToArray();
    }
}
