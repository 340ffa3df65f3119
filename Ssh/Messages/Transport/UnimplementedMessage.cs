using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Transport;

/// <summary>SSH_MSG_UNIMPLEMENTED (RFC 4253 §11.4): the sequence number of the packet not understood.</summary>
public sealed record UnimplementedMessage(uint SequenceNumber) : ISshMessage
{
    public const byte Number = MessageNumbers.Unimplemented;

    byte ISshMessage.MessageNumber => Number;

    public static UnimplementedMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "UNIMPLEMENTED");
        return new UnimplementedMessage(reader.ReadUInt32());
    }

    public void Write(SshDataWriter writer) => writer.WriteByte(Number).WriteUInt32(SequenceNumber);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
