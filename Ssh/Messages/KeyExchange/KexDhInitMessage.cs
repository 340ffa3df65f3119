using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.KeyExchange;

/// <summary>
/// SSH_MSG_KEXDH_INIT (RFC 4253 §8): the client's public value e. Shares its number with
/// KEX_ECDH_INIT.
/// </summary>
/// <param name="E">
/// e as unsigned big-endian bytes without leading zeros (zero is empty). A negative mpint is a
/// protocol error; redundant leading zeros are dropped when read.
/// </param>
public sealed record KexDhInitMessage(byte[] E) : ISshMessage
{
    public const byte Number = MessageNumbers.KexDhInit;

    byte ISshMessage.MessageNumber => Number;

    public static KexDhInitMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "KEXDH_INIT");
        return new KexDhInitMessage(MessageFormat.ReadUnsignedMpint(ref reader, "e"));
    }

    public void Write(SshDataWriter writer) => writer.WriteByte(Number).WriteMpintUnsigned(E);

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
