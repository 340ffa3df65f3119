using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.KeyExchange;

/// <summary>
/// SSH_MSG_KEX_ECDH_REPLY (RFC 5656 §4): the host key blob K_S, the server's ephemeral public key Q_S
/// and the signature blob over the exchange hash. Shares its number with KEXDH_REPLY.
/// </summary>
public sealed record KexEcdhReplyMessage(byte[] HostKey, byte[] ServerPublic, byte[] Signature) : ISshMessage
{
    public const byte Number = MessageNumbers.KexEcdhReply;

    byte ISshMessage.MessageNumber => Number;

    public static KexEcdhReplyMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "KEX_ECDH_REPLY");
        var hostKey = reader.ReadBinaryArray();
        var serverPublic = reader.ReadBinaryArray();
        var signature = reader.ReadBinaryArray();
        return new KexEcdhReplyMessage(hostKey, serverPublic, signature);
    }

    public void Write(SshDataWriter writer) =>
        writer.WriteByte(Number).WriteBinary(HostKey).WriteBinary(ServerPublic).WriteBinary(Signature);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
