using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.KeyExchange;

/// <summary>
/// SSH_MSG_KEX_ECDH_INIT (RFC 5656 §4; also curve25519-sha256, RFC 8731): the client's ephemeral
/// public key Q_C. Shares its number with KEXDH_INIT.
/// </summary>
public sealed record KexEcdhInitMessage(byte[] ClientPublic) : ISshMessage
{
    public const byte Number = MessageNumbers.KexEcdhInit;

    byte ISshMessage.MessageNumber => Number;

    public static KexEcdhInitMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "KEX_ECDH_INIT");
        return new KexEcdhInitMessage(reader.ReadBinaryArray());
    }

    public void Write(SshDataWriter writer) => writer.WriteByte(Number).WriteBinary(ClientPublic);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
