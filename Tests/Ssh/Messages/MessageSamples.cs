using VirtualFirewall.Ssh;
using VirtualFirewall.Ssh.Messages;
using VirtualFirewall.Ssh.Messages.Authentication;
using VirtualFirewall.Ssh.Messages.Connection;
using VirtualFirewall.Ssh.Messages.KeyExchange;
using VirtualFirewall.Ssh.Messages.Transport;

namespace VirtualFirewall.Tests.Ssh.Messages;

/// <summary>
/// One encodable value: a whole message, or the method or request data of a USERAUTH_REQUEST or
/// CHANNEL_REQUEST. <see cref="RestLength"/> is the length of a trailing "rest of the payload" field,
/// null when there is none: cutting into that field leaves a valid, shorter message.
/// </summary>
public sealed record Sample(string Name, object Value, Func<byte[], object> Read, Func<object, byte[]> Write, int? RestLength, bool IsMessage)
{
    public byte[] Bytes => Write(Value);

    public override string ToString() => Name;
}

internal static class MessageSamples
{
    public static readonly byte[] Ed25519Blob =
    [
        0, 0, 0, 11, .. "ssh-ed25519"u8, 0, 0, 0, 32,
        .. Enumerable.Range(1, 32).Select(i => (byte)i),
    ];

    public static readonly byte[] SignatureBlob =
    [
        0, 0, 0, 11, .. "ssh-ed25519"u8, 0, 0, 0, 64,
        .. Enumerable.Range(0, 64).Select(i => (byte)(0xC0 ^ i)),
    ];

    public static readonly byte[] Curve25519Point = [.. Enumerable.Range(0, 32).Select(i => (byte)(0xF0 - i))];

    public static readonly byte[] TerminalModes = [1, 0, 0, 0, 3, 53, 0, 0, 0, 1, 0];

    public static KexInitMessage OpenSshKexInit() => new(
        [.. Enumerable.Range(0, 16).Select(i => (byte)(0xA0 + i))],
        ["curve25519-sha256", "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256", "ext-info-c", "kex-strict-c-v00@openssh.com"],
        ["ssh-ed25519", "rsa-sha2-512", "rsa-sha2-256"],
        ["chacha20-poly1305@openssh.com", "aes128-ctr", "aes256-gcm@openssh.com"],
        ["chacha20-poly1305@openssh.com", "aes128-ctr"],
        ["hmac-sha2-256-etm@openssh.com", "hmac-sha2-256"],
        ["hmac-sha2-256-etm@openssh.com"],
        ["none", "zlib@openssh.com"],
        ["none"],
        [],
        []);

    public static IEnumerable<Sample> Messages()
    {
        // Transport.
        yield return Message("DISCONNECT", new DisconnectMessage(SshDisconnectReason.ByApplication, "bye – ü", "en"), p => DisconnectMessage.Read(p));
        yield return Message("DISCONNECT unknown reason", new DisconnectMessage((SshDisconnectReason)999, string.Empty, string.Empty), p => DisconnectMessage.Read(p));
        yield return Message("IGNORE", new IgnoreMessage([0, 1, 2, 0xFF]), p => IgnoreMessage.Read(p));
        yield return Message("IGNORE empty", new IgnoreMessage([]), p => IgnoreMessage.Read(p));
        yield return Message("UNIMPLEMENTED", new UnimplementedMessage(0xFFFF_FFFE), p => UnimplementedMessage.Read(p));
        yield return Message("DEBUG", new DebugMessage(true, "debug ✓", string.Empty), p => DebugMessage.Read(p));
        yield return Message("SERVICE_REQUEST", new ServiceRequestMessage(ServiceRequestMessage.UserAuthService), p => ServiceRequestMessage.Read(p));
        yield return Message("SERVICE_ACCEPT", new ServiceAcceptMessage(ServiceRequestMessage.UserAuthService), p => ServiceAcceptMessage.Read(p));
        yield return Message(
            "EXT_INFO",
            new ExtInfoMessage([new(ExtInfoMessage.ServerSigAlgs, "ssh-ed25519,rsa-sha2-256"u8.ToArray()), new("ping@openssh.com", "0"u8.ToArray())]),
            p => ExtInfoMessage.Read(p));
        yield return Message("EXT_INFO empty", new ExtInfoMessage([]), p => ExtInfoMessage.Read(p));
        yield return Message("KEXINIT", OpenSshKexInit(), p => KexInitMessage.Read(p));
        yield return Message(
            "KEXINIT empty lists",
            new KexInitMessage(new byte[16], [], [], [], [], [], [], [], [], ["en"], ["en", "de"], FirstKexPacketFollows: true, Reserved: 7),
            p => KexInitMessage.Read(p));
        yield return Message("NEWKEYS", new NewKeysMessage(), p => NewKeysMessage.Read(p));

        // Key exchange.
        yield return Message("KEX_ECDH_INIT", new KexEcdhInitMessage(Curve25519Point), p => KexEcdhInitMessage.Read(p));
        yield return Message("KEX_ECDH_REPLY", new KexEcdhReplyMessage(Ed25519Blob, Curve25519Point, SignatureBlob), p => KexEcdhReplyMessage.Read(p));
        yield return Message("KEXDH_INIT top bit set", new KexDhInitMessage([0x80, 0x01, 0x02]), p => KexDhInitMessage.Read(p));
        yield return Message("KEXDH_INIT top bit clear", new KexDhInitMessage([0x7F, 0xFF]), p => KexDhInitMessage.Read(p));
        yield return Message("KEXDH_INIT zero", new KexDhInitMessage([]), p => KexDhInitMessage.Read(p));
        yield return Message("KEXDH_REPLY", new KexDhReplyMessage(Ed25519Blob, [0xFF, 0xEE, 0xDD], SignatureBlob), p => KexDhReplyMessage.Read(p));

        // User authentication.
        var password = new PasswordRequest("hunter2").ToMethodData();
        yield return Message(
            "USERAUTH_REQUEST password",
            new UserauthRequestMessage("admin", ServiceRequestMessage.ConnectionService, AuthenticationMethods.Password, password),
            p => UserauthRequestMessage.Read(p),
            password.Length);
        yield return Message(
            "USERAUTH_REQUEST none",
            new UserauthRequestMessage("jürgen", ServiceRequestMessage.ConnectionService, AuthenticationMethods.None, []),
            p => UserauthRequestMessage.Read(p),
            0);
        yield return Message("USERAUTH_FAILURE", new UserauthFailureMessage(["publickey", "password", "keyboard-interactive"], false), p => UserauthFailureMessage.Read(p));
        yield return Message("USERAUTH_FAILURE partial", new UserauthFailureMessage([], true), p => UserauthFailureMessage.Read(p));
        yield return Message("USERAUTH_SUCCESS", new UserauthSuccessMessage(), p => UserauthSuccessMessage.Read(p));
        yield return Message("USERAUTH_BANNER", new UserauthBannerMessage("Authorized access only\r\n", "en"), p => UserauthBannerMessage.Read(p));
        yield return Message("USERAUTH_PK_OK", new UserauthPkOkMessage("ssh-ed25519", Ed25519Blob), p => UserauthPkOkMessage.Read(p));
        yield return Message(
            "USERAUTH_INFO_REQUEST",
            new UserauthInfoRequestMessage("PAN-OS", "Answer the prompts", string.Empty, [("Password: ", false), ("Code: ", true)]),
            p => UserauthInfoRequestMessage.Read(p));
        yield return Message("USERAUTH_INFO_REQUEST no prompts", new UserauthInfoRequestMessage(string.Empty, string.Empty, string.Empty, []), p => UserauthInfoRequestMessage.Read(p));
        yield return Message("USERAUTH_INFO_RESPONSE", new UserauthInfoResponseMessage(["hunter2", "ü"]), p => UserauthInfoResponseMessage.Read(p));
        yield return Message("USERAUTH_INFO_RESPONSE empty", new UserauthInfoResponseMessage([]), p => UserauthInfoResponseMessage.Read(p));

        // Connection.
        byte[] forward = [0, 0, 0, 7, .. "0.0.0.0"u8, 0, 0, 0x1F, 0x90];
        yield return Message("GLOBAL_REQUEST", new GlobalRequestMessage("tcpip-forward", true, forward), p => GlobalRequestMessage.Read(p), forward.Length);
        yield return Message("GLOBAL_REQUEST no data", new GlobalRequestMessage("keepalive@openssh.com", true, []), p => GlobalRequestMessage.Read(p), 0);
        yield return Message("REQUEST_SUCCESS", new RequestSuccessMessage([0, 0, 0x1F, 0x90]), p => RequestSuccessMessage.Read(p), 4);
        yield return Message("REQUEST_SUCCESS no data", new RequestSuccessMessage(), p => RequestSuccessMessage.Read(p), 0);
        yield return Message("REQUEST_FAILURE", new RequestFailureMessage(), p => RequestFailureMessage.Read(p));
        yield return Message("CHANNEL_OPEN session", new ChannelOpenMessage(ChannelOpenMessage.SessionChannelType, 0, 2_097_152, 32_768), p => ChannelOpenMessage.Read(p), 0);
        byte[] direct = [0, 0, 0, 9, .. "localhost"u8, 0, 0, 0, 22, 0, 0, 0, 9, .. "127.0.0.1"u8, 0, 0, 0xD4, 0x31];
        yield return Message("CHANNEL_OPEN direct-tcpip", new ChannelOpenMessage("direct-tcpip", 7, 0xFFFF_FFFF, 1, direct), p => ChannelOpenMessage.Read(p), direct.Length);
        yield return Message("CHANNEL_OPEN_CONFIRMATION", new ChannelOpenConfirmationMessage(0, 1, 2_097_152, 32_768), p => ChannelOpenConfirmationMessage.Read(p), 0);
        yield return Message("CHANNEL_OPEN_CONFIRMATION data", new ChannelOpenConfirmationMessage(3, 4, 5, 6, [9, 8, 7]), p => ChannelOpenConfirmationMessage.Read(p), 3);
        yield return Message(
            "CHANNEL_OPEN_FAILURE",
            new ChannelOpenFailureMessage(5, ChannelOpenFailureMessage.UnknownChannelType, "unknown channel type", string.Empty),
            p => ChannelOpenFailureMessage.Read(p));
        yield return Message("CHANNEL_WINDOW_ADJUST", new ChannelWindowAdjustMessage(1, 0xFFFF_FFFF), p => ChannelWindowAdjustMessage.Read(p));
        yield return Message("CHANNEL_DATA", new ChannelDataMessage(0, "show system info\r"u8.ToArray()), p => ChannelDataMessage.Read(p));
        yield return Message("CHANNEL_DATA empty", new ChannelDataMessage(0x8000_0000, []), p => ChannelDataMessage.Read(p));
        yield return Message("CHANNEL_EXTENDED_DATA", new ChannelExtendedDataMessage(0, ChannelExtendedDataMessage.Stderr, "error\n"u8.ToArray()), p => ChannelExtendedDataMessage.Read(p));
        yield return Message("CHANNEL_EOF", new ChannelEofMessage(1), p => ChannelEofMessage.Read(p));
        yield return Message("CHANNEL_CLOSE", new ChannelCloseMessage(1), p => ChannelCloseMessage.Read(p));
        var pty = new PtyRequest("xterm-256color", 80, 24, 640, 480, TerminalModes).ToRequestData();
        yield return Message("CHANNEL_REQUEST pty-req", new ChannelRequestMessage(0, PtyRequest.RequestType, true, pty), p => ChannelRequestMessage.Read(p), pty.Length);
        yield return Message("CHANNEL_REQUEST shell", new ChannelRequestMessage(0, ChannelRequestTypes.Shell, true), p => ChannelRequestMessage.Read(p), 0);
        yield return Message("CHANNEL_SUCCESS", new ChannelSuccessMessage(2), p => ChannelSuccessMessage.Read(p));
        yield return Message("CHANNEL_FAILURE", new ChannelFailureMessage(2), p => ChannelFailureMessage.Read(p));
    }

    public static IEnumerable<Sample> Parts()
    {
        yield return Part("PasswordRequest", new PasswordRequest("hunter2"), PasswordRequest.Read, v => ((PasswordRequest)v).ToMethodData());
        yield return Part("PasswordRequest change", new PasswordRequest("old", "néw"), PasswordRequest.Read, v => ((PasswordRequest)v).ToMethodData());
        yield return Part("PublicKeyRequest query", new PublicKeyRequest("ssh-ed25519", Ed25519Blob), PublicKeyRequest.Read, v => ((PublicKeyRequest)v).ToMethodData());
        yield return Part("PublicKeyRequest signed", new PublicKeyRequest("ssh-ed25519", Ed25519Blob, SignatureBlob), PublicKeyRequest.Read, v => ((PublicKeyRequest)v).ToMethodData());
        yield return Part("KeyboardInteractiveRequest", new KeyboardInteractiveRequest(), KeyboardInteractiveRequest.Read, v => ((KeyboardInteractiveRequest)v).ToMethodData());
        yield return Part("KeyboardInteractiveRequest submethods", new KeyboardInteractiveRequest("en", "pam,bsdauth"), KeyboardInteractiveRequest.Read, v => ((KeyboardInteractiveRequest)v).ToMethodData());
        yield return Part("PtyRequest", new PtyRequest("xterm-256color", 80, 24, 640, 480, TerminalModes), PtyRequest.Read, v => ((PtyRequest)v).ToRequestData());
        yield return Part("PtyRequest no modes", new PtyRequest("vt100", 0, 0, 0, 0, []), PtyRequest.Read, v => ((PtyRequest)v).ToRequestData());
        yield return Part("WindowChangeRequest", new WindowChangeRequest(132, 43, 1056, 688), WindowChangeRequest.Read, v => ((WindowChangeRequest)v).ToRequestData());
        yield return Part("EnvRequest", new EnvRequest("LANG", "en_US.UTF-8"), EnvRequest.Read, v => ((EnvRequest)v).ToRequestData());
        yield return Part("ExecRequest", new ExecRequest("show system info | match uptime"), ExecRequest.Read, v => ((ExecRequest)v).ToRequestData());
        yield return Part("ExecRequest raw bytes", new ExecRequest([0x66, 0xFF, 0xC3]), ExecRequest.Read, v => ((ExecRequest)v).ToRequestData());
        yield return Part("ExitStatusRequest", new ExitStatusRequest(255), ExitStatusRequest.Read, v => ((ExitStatusRequest)v).ToRequestData());
    }

    public static IEnumerable<Sample> All() => Messages().Concat(Parts());

    private static Sample Message(string name, ISshMessage message, Func<byte[], object> read, int? restLength = null) =>
        new(name, message, read, m => ((ISshMessage)m).ToPayload(), restLength, IsMessage: true);

    private static Sample Part<T>(string name, T value, ReadSpan<T> read, Func<object, byte[]> write)
        where T : notnull =>
        new(name, value, bytes => read(bytes), write, RestLength: null, IsMessage: false);

    private delegate T ReadSpan<out T>(ReadOnlySpan<byte> data);
}
