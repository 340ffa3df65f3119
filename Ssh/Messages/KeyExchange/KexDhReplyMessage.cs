using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.KeyExchange;

/// <summary>
/// SSH_MSG_KEXDH_REPLY (RFC 4253 §8): the host key blob K_S, the server's public value f and the
/// signature blob over the exchange hash. Shares its number with KEX_ECDH_REPLY. F holds f as
/// unsigned big-endian bytes, written as a minimal mpint (leading zeros dropped, a 0x00 added when
/// the top bit is set) and read back without leading zeros; a negative mpint is a protocol error.
/// </summary>
public sealed record KexDhReplyMessage(byte[] HostKey, byte[] F, byte[] Signature) : ISshMessage
{
    public const byte Number = MessageNumbers.KexDhReply;

    byte ISshMessage.MessageNumber => Number;

    public static KexDhReplyMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "KEXDH_REPLY");
        var hostKey = reader.ReadBinaryArray();
        var f = MessageFormat.ReadUnsignedMpint(ref reader, "f");
        var signature = reader.ReadBinaryArray();
        return new KexDhReplyMessage(hostKey, f, signature);
    }

    public void Write(SshDataWriter writer) =>
        writer.WriteByte(Number).WriteBinary(HostKey).WriteMpintUnsigned(F).WriteBinary(Signature);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
