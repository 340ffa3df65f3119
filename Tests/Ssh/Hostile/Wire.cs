using System.Buffers.Binary;
using System.Text;

namespace VirtualFirewall.Tests.Ssh.Hostile;

/// <summary>
/// Hand-built SSH bytes for hostile clients: unencrypted packets (RFC 4253 §6, block size 8, no MAC)
/// and the few payloads the tests send. Independent of the server's own message classes on purpose.
/// </summary>
internal static class Wire
{
    public const byte Disconnect = 1;
    public const byte Ignore = 2;
    public const byte ServiceRequest = 5;
    public const byte KexInit = 20;
    public const byte NewKeys = 21;
    public const byte KexEcdhInit = 30;
    public const byte UserauthRequest = 50;
    public const byte ChannelOpen = 90;

    /// <summary>The server's DISCONNECT reason codes the tests expect (RFC 4253 §11.1).</summary>
    public const uint ProtocolError = 2;
    public const uint KeyExchangeFailed = 3;
    public const uint ProtocolVersionNotSupported = 8;
    public const uint ConnectionLost = 10;
    public const uint TooManyConnections = 12;

    /// <summary>Frames a payload as an unencrypted packet: padding of at least 4 bytes to a multiple of 8.</summary>
    public static byte[] Packet(ReadOnlySpan<byte> payload)
    {
        var padding = 8 - ((5 + payload.Length) % 8);
        if (padding < 4)
        {
            padding += 8;
        }

        var packet = new byte[5 + payload.Length + padding];
        BinaryPrimitives.WriteUInt32BigEndian(packet, (uint)(1 + payload.Length + padding));
        packet[4] = (byte)padding;
        payload.CopyTo(packet.AsSpan(5));
        return packet;
    }

    public static byte[] UInt32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] String(string value) => String(Encoding.ASCII.GetBytes(value));

    public static byte[] String(ReadOnlySpan<byte> value) => [.. UInt32((uint)value.Length), .. value];

    /// <summary>A client KEXINIT offering one name per list (RFC 4253 §7.1).</summary>
    public static byte[] KexInitPayload(string kex, string hostKey = "ssh-ed25519", string cipher = "aes128-ctr", string mac = "hmac-sha2-256-etm@openssh.com")
    {
        var lists = new[] { kex, hostKey, cipher, cipher, mac, mac, "none", "none", string.Empty, string.Empty };
        var payload = new List<byte> { KexInit };
        payload.AddRange(new byte[16]);
        foreach (var list in lists)
        {
            payload.AddRange(String(list));
        }

        payload.Add(0);
        payload.AddRange(UInt32(0));
        return [.. payload];
    }

    /// <summary>The reason code of a DISCONNECT payload, or null for any other message.</summary>
    public static uint? DisconnectReason(byte[] payload) =>
        payload.Length >= 5 && payload[0] == Disconnect ? BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(1)) : null;
}
