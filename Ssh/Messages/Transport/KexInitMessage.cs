using System.Security.Cryptography;
using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages.Transport;

/// <summary>
/// SSH_MSG_KEXINIT (RFC 4253 §7.1): a 16-byte random cookie (<see cref="NewCookie"/>), ten name-lists,
/// first_kex_packet_follows and a reserved uint32 (0 when sent, ignored when received). The exchange
/// hash covers the payload exactly as it travelled (I_C, I_S): keep the peer's received bytes rather
/// than writing this record again.
/// </summary>
public sealed record KexInitMessage(
    byte[] Cookie,
    IReadOnlyList<string> KexAlgorithms,
    IReadOnlyList<string> ServerHostKeyAlgorithms,
    IReadOnlyList<string> EncryptionClientToServer,
    IReadOnlyList<string> EncryptionServerToClient,
    IReadOnlyList<string> MacClientToServer,
    IReadOnlyList<string> MacServerToClient,
    IReadOnlyList<string> CompressionClientToServer,
    IReadOnlyList<string> CompressionServerToClient,
    IReadOnlyList<string> LanguagesClientToServer,
    IReadOnlyList<string> LanguagesServerToClient,
    bool FirstKexPacketFollows = false,
    uint Reserved = 0) : ISshMessage
{
    public const byte Number = MessageNumbers.KexInit;

    public const int CookieLength = 16;

    byte ISshMessage.MessageNumber => Number;

    /// <summary>A fresh random cookie.</summary>
    public static byte[] NewCookie() => RandomNumberGenerator.GetBytes(CookieLength);

    public static KexInitMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = MessageFormat.Open(payload, Number, "KEXINIT");
        var cookie = new byte[CookieLength];
        for (var i = 0; i < cookie.Length; i++)
        {
            cookie[i] = reader.ReadByte();
        }

        var kex = reader.ReadNameList();
        var hostKey = reader.ReadNameList();
        var encryptionClientToServer = reader.ReadNameList();
        var encryptionServerToClient = reader.ReadNameList();
        var macClientToServer = reader.ReadNameList();
        var macServerToClient = reader.ReadNameList();
        var compressionClientToServer = reader.ReadNameList();
        var compressionServerToClient = reader.ReadNameList();
        var languagesClientToServer = reader.ReadNameList();
        var languagesServerToClient = reader.ReadNameList();
        var firstKexPacketFollows = reader.ReadBoolean();
        var reserved = reader.ReadUInt32();
        return new KexInitMessage(
            cookie, kex, hostKey, encryptionClientToServer, encryptionServerToClient, macClientToServer, macServerToClient,
            compressionClientToServer, compressionServerToClient, languagesClientToServer, languagesServerToClient,
            firstKexPacketFollows, reserved);
    }

    /// <summary>Writes the message; a cookie that is not 16 bytes throws <see cref="InvalidOperationException"/>.</summary>
    public void Write(SshDataWriter writer)
    {
        MessageFormat.RequireLength(Cookie, CookieLength, "the KEXINIT cookie");
        writer.WriteByte(Number)
            .WriteRaw(Cookie)
            .WriteNameList(KexAlgorithms)
            .WriteNameList(ServerHostKeyAlgorithms)
            .WriteNameList(EncryptionClientToServer)
            .WriteNameList(EncryptionServerToClient)
            .WriteNameList(MacClientToServer)
            .WriteNameList(MacServerToClient)
            .WriteNameList(CompressionClientToServer)
            .WriteNameList(CompressionServerToClient)
            .WriteNameList(LanguagesClientToServer)
            .WriteNameList(LanguagesServerToClient)
            .WriteBoolean(FirstKexPacketFollows)
            .WriteUInt32(Reserved);
    }

    public byte[] ToPayload() => MessageFormat.ToPayload(this);
}
