using System.Buffers.Binary;
using System.Text;
using VirtualFirewall.Ssh;
using VirtualFirewall.Ssh.Algorithms.Ciphers;
using VirtualFirewall.Ssh.Algorithms.HostKeys;
using VirtualFirewall.Ssh.Algorithms.KeyExchange;
using VirtualFirewall.Ssh.IO;
using VirtualFirewall.Ssh.Messages.Authentication;
using VirtualFirewall.Ssh.Messages.Connection;
using VirtualFirewall.Ssh.Messages.KeyExchange;
using VirtualFirewall.Ssh.Messages.Transport;

namespace VirtualFirewall.Fuzz;

/// <summary>
/// The seeds of the SSH targets: real messages of a client's conversation, framed as packets
/// in clear (zero padding, so the files are the same at every run) and as the records the sealed-packet
/// target takes.
/// </summary>
internal static class SshSeeds
{
    private const string ClientVersion = "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n";

    public static void Write(string corpus)
    {
        var key = Ed25519HostKey.FromSeed(new byte[32]);
        byte[][] keyExchange = [ClientKexInit(), new KexEcdhInitMessage([.. Enumerable.Range(9, 32).Select(i => (byte)i)]).ToPayload(), new NewKeysMessage().ToPayload()];
        byte[][] authentication =
        [
            new ServiceRequestMessage("ssh-userauth").ToPayload(),
            new UserauthRequestMessage("admin", "ssh-connection", "none", []).ToPayload(),
            new UserauthRequestMessage("admin", "ssh-connection", "password", Data(w => new PasswordRequest("admin").Write(w))).ToPayload(),
            new UserauthRequestMessage("admin", "ssh-connection", "publickey", Data(w => w.WriteBoolean(false).WriteString(Ed25519HostKey.Algorithm).WriteBinary(key.PublicKeyBlob))).ToPayload(),
            new UserauthRequestMessage("admin", "ssh-connection", "publickey", Data(w => w.WriteBoolean(true).WriteString(Ed25519HostKey.Algorithm).WriteBinary(key.PublicKeyBlob).WriteBinary(KeyBlobs.SignatureBlob(Ed25519HostKey.Algorithm, new byte[64])))).ToPayload(),
            new UserauthRequestMessage("admin", "ssh-connection", "keyboard-interactive", Data(w => w.WriteString(string.Empty).WriteString(string.Empty))).ToPayload(),
            new UserauthInfoResponseMessage(["yes"]).ToPayload(),
        ];
        byte[][] connection =
        [
            new ChannelOpenMessage(ChannelOpenMessage.SessionChannelType, 0, 2_097_152, 32_768, []).ToPayload(),
            new ChannelRequestMessage(0, PtyRequest.RequestType, true, new PtyRequest("xterm", 80, 24, 0, 0, [0]).ToRequestData()).ToPayload(),
            new ChannelRequestMessage(0, ChannelRequestTypes.Env, false, Data(w => w.WriteString("LANG").WriteString("C"))).ToPayload(),
            new ChannelRequestMessage(0, ChannelRequestTypes.Shell, true).ToPayload(),
            new ChannelRequestMessage(0, ChannelRequestTypes.Exec, true, Data(w => w.WriteString("show clock"))).ToPayload(),
            new ChannelRequestMessage(0, ChannelRequestTypes.WindowChange, false, Data(w => w.WriteUInt32(132).WriteUInt32(50).WriteUInt32(0).WriteUInt32(0))).ToPayload(),
            new ChannelRequestMessage(0, ChannelRequestTypes.ExitStatus, false, Data(w => w.WriteUInt32(0))).ToPayload(),
            new ChannelDataMessage(0, Encoding.ASCII.GetBytes("show system info\n")).ToPayload(),
            new ChannelWindowAdjustMessage(0, 65_536).ToPayload(),
            new GlobalRequestMessage("keepalive@openssh.com", true, []).ToPayload(),
            new ChannelEofMessage(0).ToPayload(),
            new ChannelCloseMessage(0).ToPayload(),
        ];
        byte[][] transport =
        [
            new IgnoreMessage([1, 2, 3]).ToPayload(),
            new DebugMessage(false, "debug", "en").ToPayload(),
            new UnimplementedMessage(3).ToPayload(),
            new ExtInfoMessage([new("server-sig-algs", Encoding.ASCII.GetBytes("ssh-ed25519,rsa-sha2-256"))]).ToPayload(),
            new KexDhInitMessage([0x7f, .. new byte[255]]).ToPayload(),
            new DisconnectMessage(SshDisconnectReason.ByApplication, "bye").ToPayload(),
        ];

        var messages = SeedWriter.Folder(corpus, "ssh-messages");
        var all = keyExchange.Concat(authentication).Concat(connection).Concat(transport).ToList();
        for (var i = 0; i < all.Count; i++)
        {
            File.WriteAllBytes(Path.Combine(messages, $"{i:D2}-message-{all[i][0]}.bin"), all[i]);
        }

        byte[][][] conversations = [keyExchange, authentication, connection, transport];
        var plain = SeedWriter.Folder(corpus, "ssh-packets");
        var sealedRecords = SeedWriter.Folder(corpus, "ssh-packets-chacha");
        var session = SeedWriter.Folder(corpus, "ssh-session");
        string[] names = ["key-exchange", "authentication", "connection", "transport"];
        for (var i = 0; i < conversations.Length; i++)
        {
            var packets = conversations[i].Select(p => Frame(p, 8, false)).SelectMany(p => p).ToArray();
            File.WriteAllBytes(Path.Combine(plain, names[i] + ".bin"), packets);
            var records = conversations[i].Select(p => Record(Frame(p, 8, true))).SelectMany(r => r).ToArray();
            File.WriteAllBytes(Path.Combine(sealedRecords, names[i] + ".bin"), records);
        }

        File.WriteAllBytes(Path.Combine(session, "version-only.bin"), Encoding.ASCII.GetBytes(ClientVersion));
        byte[][][] sessions =
        [
            [ClientKexInit()],
            keyExchange,
            [ClientKexInit(DiffieHellmanGroup14KeyExchange.AlgorithmName), new KexDhInitMessage([0x7f, .. new byte[255]]).ToPayload(), new NewKeysMessage().ToPayload()],
            [ClientKexInit("ecdh-sha2-nistp256"), new KexEcdhInitMessage(NistPoint()).ToPayload()],
            [ClientKexInit(), .. authentication],
            [.. transport, ClientKexInit()],
        ];
        for (var i = 0; i < sessions.Length; i++)
        {
            var bytes = Encoding.ASCII.GetBytes(ClientVersion).Concat(sessions[i].SelectMany(p => Frame(p, 8, false))).ToArray();
            File.WriteAllBytes(Path.Combine(session, $"session-{i}.bin"), bytes);
        }
    }

    private static byte[] ClientKexInit(string? kex = null) =>
        new KexInitMessage(
            new byte[KexInitMessage.CookieLength],
            kex is null ? [.. KeyExchangeAlgorithms.Names, "ext-info-c", "kex-strict-c-v00@openssh.com"] : [kex],
            [Ed25519HostKey.Algorithm, "rsa-sha2-256"],
            PacketProtection.Ciphers,
            PacketProtection.Ciphers,
            PacketProtection.Macs,
            PacketProtection.Macs,
            ["none", "zlib@openssh.com"],
            ["none"],
            [],
            [],
            false,
            0).ToPayload();

    /// <summary>A point of P-256: the client's ephemeral key for ecdh-sha2-nistp256.</summary>
    private static byte[] NistPoint()
    {
        var curve = System.Security.Cryptography.ECCurve.NamedCurves.nistP256;
        using var ecdh = System.Security.Cryptography.ECDiffieHellman.Create(new System.Security.Cryptography.ECParameters { Curve = curve, D = [.. Enumerable.Repeat((byte)7, 32)] });
        var q = ecdh.ExportParameters(false).Q;
        return [0x04, .. q.X!, .. q.Y!];
    }

    private static byte[] Data(Action<SshDataWriter> write)
    {
        var writer = new SshDataWriter();
        write(writer);
        return writer.ToArray();
    }

    /// <summary>A clear packet with zero padding (RFC 4253 §6): at least 4 bytes of it, up to the block size.</summary>
    private static byte[] Frame(byte[] payload, int blockSize, bool lengthExcludedFromAlignment)
    {
        var unpadded = (lengthExcludedFromAlignment ? 1 : 5) + payload.Length;
        var padding = blockSize - (unpadded % blockSize);
        if (padding < 4)
        {
            padding += blockSize;
        }

        var packet = new byte[5 + payload.Length + padding];
        BinaryPrimitives.WriteUInt32BigEndian(packet, (uint)(packet.Length - 4));
        packet[4] = (byte)padding;
        payload.CopyTo(packet, 5);
        return packet;
    }

    private static byte[] Record(byte[] packet)
    {
        var record = new byte[2 + packet.Length];
        BinaryPrimitives.WriteUInt16BigEndian(record, (ushort)packet.Length);
        packet.CopyTo(record, 2);
        return record;
    }
}
