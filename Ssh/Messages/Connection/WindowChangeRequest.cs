using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Connection;

/// <summary>The data of a "window-change" channel request (RFC 4254 §6.7): the new terminal size.</summary>
public sealed record WindowChangeRequest(uint Columns, uint Rows, uint WidthPixels, uint HeightPixels)
{
    public const string RequestType = ChannelRequestTypes.WindowChange;

    /// <summary>Parses <see cref="ChannelRequestMessage.RequestData"/>; trailing bytes are ignored.</summary>
    public static WindowChangeRequest Read(ReadOnlySpan<byte> requestData)
    {
        var reader = new SshDataReader(requestData);
        var columns = reader.ReadUInt32();
        var rows = reader.ReadUInt32();
        var widthPixels = reader.ReadUInt32();
        var heightPixels = reader.ReadUInt32();
        return new WindowChangeRequest(columns, rows, widthPixels, heightPixels);
    }

    public void Write(SshDataWriter writer) =>
        writer.WriteUInt32(Columns).WriteUInt32(Rows).WriteUInt32(WidthPixels).WriteUInt32(HeightPixels);

    public byte[] ToRequestData()
    {
        var writer = new SshDataWriter();
        Write(writer);
        return writer.ToArray();
    }
}
