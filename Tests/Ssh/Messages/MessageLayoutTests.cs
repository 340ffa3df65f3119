using VirtualFirewall.Ssh;
using VirtualFirewall.Ssh.Messages.Authentication;
using VirtualFirewall.Ssh.Messages.Connection;
using VirtualFirewall.Ssh.Messages.KeyExchange;
using VirtualFirewall.Ssh.Messages.Transport;

namespace VirtualFirewall.Tests.Ssh.Messages;

/// <summary>Payloads built by hand, byte by byte, from RFC 4253, 4252, 4254 and 4256.</summary>
[TestFixture]
public sealed class MessageLayoutTests
{
    [Test]
    public void Kexinit_matches_a_hand_built_payload()
    {
        byte[] expected =
        [
            20,
            0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF,
            0, 0, 0, 28, .. "curve25519-sha256,ext-info-s"u8,
            0, 0, 0, 11, .. "ssh-ed25519"u8,
            0, 0, 0, 10, .. "aes128-ctr"u8,
            0, 0, 0, 21, .. "aes128-ctr,aes256-ctr"u8,
            0, 0, 0, 13, .. "hmac-sha2-256"u8,
            0, 0, 0, 13, .. "hmac-sha2-256"u8,
            0, 0, 0, 4, .. "none"u8,
            0, 0, 0, 4, .. "none"u8,
            0, 0, 0, 0,
            0, 0, 0, 0,
            0,
            0, 0, 0, 0,
        ];
        var message = new KexInitMessage(
            [0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF],
            ["curve25519-sha256", "ext-info-s"],
            ["ssh-ed25519"],
            ["aes128-ctr"],
            ["aes128-ctr", "aes256-ctr"],
            ["hmac-sha2-256"],
            ["hmac-sha2-256"],
            ["none"],
            ["none"],
            [],
            []);

        Assert.That(message.ToPayload(), Is.EqualTo(expected));
        var read = KexInitMessage.Read(expected);
        Assert.That(read.KexAlgorithms, Is.EqualTo(new[] { "curve25519-sha256", "ext-info-s" }));
        Assert.That(read.EncryptionServerToClient, Is.EqualTo(new[] { "aes128-ctr", "aes256-ctr" }));
        Assert.That(read.LanguagesClientToServer, Is.Empty);
        Assert.That(read.FirstKexPacketFollows, Is.False);
        Assert.That(read.Cookie, Is.EqualTo(expected[1..17]));
    }

    [Test]
    public void Kexinit_reads_first_kex_packet_follows_and_reserved()
    {
        byte[] payload = [20, .. new byte[16], .. Enumerable.Repeat<byte>(0, 40), 1, 0, 0, 1, 2];

        var read = KexInitMessage.Read(payload);

        Assert.That(read.FirstKexPacketFollows, Is.True);
        Assert.That(read.Reserved, Is.EqualTo(0x0102u));
        Assert.That(read.KexAlgorithms, Is.Empty);
    }

    [Test]
    public void Disconnect_matches_a_hand_built_payload()
    {
        byte[] expected = [1, 0, 0, 0, 11, 0, 0, 0, 3, .. "bye"u8, 0, 0, 0, 0];

        Assert.That(new DisconnectMessage(SshDisconnectReason.ByApplication, "bye").ToPayload(), Is.EqualTo(expected));
        var read = DisconnectMessage.Read(expected);
        Assert.That(read.ReasonCode, Is.EqualTo(SshDisconnectReason.ByApplication));
        Assert.That(read.Description, Is.EqualTo("bye"));
        Assert.That(read.Language, Is.Empty);
    }

    [Test]
    public void Channel_data_matches_a_hand_built_payload()
    {
        byte[] expected = [94, 0, 0, 0, 5, 0, 0, 0, 2, .. "hi"u8];

        Assert.That(new ChannelDataMessage(5, "hi"u8.ToArray()).ToPayload(), Is.EqualTo(expected));
        var read = ChannelDataMessage.Read(expected);
        Assert.That(read.RecipientChannel, Is.EqualTo(5u));
        Assert.That(read.Data, Is.EqualTo("hi"u8.ToArray()));
        Assert.That(expected, Has.Length.EqualTo(ChannelDataMessage.HeaderLength + 2));
    }

    [Test]
    public void Channel_extended_data_matches_a_hand_built_payload()
    {
        byte[] expected = [95, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, .. "!"u8];

        Assert.That(new ChannelExtendedDataMessage(256, ChannelExtendedDataMessage.Stderr, "!"u8.ToArray()).ToPayload(), Is.EqualTo(expected));
        Assert.That(expected, Has.Length.EqualTo(ChannelExtendedDataMessage.HeaderLength + 1));
    }

    [Test]
    public void Password_userauth_request_matches_a_hand_built_payload()
    {
        byte[] expected =
        [
            50, 0, 0, 0, 5, .. "admin"u8, 0, 0, 0, 14, .. "ssh-connection"u8, 0, 0, 0, 8, .. "password"u8,
            0, 0, 0, 0, 6, .. "secret"u8,
        ];

        var request = UserauthRequestMessage.Read(expected);
        var password = PasswordRequest.Read(request.MethodData);

        Assert.That(request.UserName, Is.EqualTo("admin"));
        Assert.That(request.ServiceName, Is.EqualTo("ssh-connection"));
        Assert.That(request.MethodName, Is.EqualTo(PasswordRequest.Method));
        Assert.That(password.Password, Is.EqualTo("secret"));
        Assert.That(password.IsChange, Is.False);
        Assert.That(password.NewPassword, Is.Null);
        var rebuilt = new UserauthRequestMessage("admin", "ssh-connection", "password", new PasswordRequest("secret").ToMethodData());
        Assert.That(rebuilt.ToPayload(), Is.EqualTo(expected));
    }

    [Test]
    public void Password_change_carries_both_passwords()
    {
        byte[] data = [1, 0, 0, 0, 3, .. "old"u8, 0, 0, 0, 3, .. "new"u8];

        var password = PasswordRequest.Read(data);

        Assert.That(password.IsChange, Is.True);
        Assert.That(password.Password, Is.EqualTo("old"));
        Assert.That(password.NewPassword, Is.EqualTo("new"));
        Assert.That(password.ToMethodData(), Is.EqualTo(data));
    }

    [Test]
    public void Publickey_request_with_signature_and_the_signed_data()
    {
        byte[] blob = [1, 2, 3];
        byte[] signature = [4, 5];
        byte[] data = [1, 0, 0, 0, 11, .. "ssh-ed25519"u8, 0, 0, 0, 3, 1, 2, 3, 0, 0, 0, 2, 4, 5];

        var request = PublicKeyRequest.Read(data);

        Assert.That(request.HasSignature, Is.True);
        Assert.That(request.Algorithm, Is.EqualTo("ssh-ed25519"));
        Assert.That(request.PublicKeyBlob, Is.EqualTo(blob));
        Assert.That(request.Signature, Is.EqualTo(signature));
        byte[] signed =
        [
            0, 0, 0, 2, 0xAA, 0xBB, 50, 0, 0, 0, 1, .. "u"u8, 0, 0, 0, 14, .. "ssh-connection"u8,
            0, 0, 0, 9, .. "publickey"u8, 1, 0, 0, 0, 11, .. "ssh-ed25519"u8, 0, 0, 0, 3, 1, 2, 3,
        ];
        Assert.That(PublicKeyRequest.BuildSignedData([0xAA, 0xBB], "u", "ssh-connection", "ssh-ed25519", blob), Is.EqualTo(signed));
    }

    [Test]
    public void Publickey_query_has_no_signature()
    {
        byte[] data = [0, 0, 0, 0, 7, .. "ssh-rsa"u8, 0, 0, 0, 1, 9];

        var request = PublicKeyRequest.Read(data);

        Assert.That(request.HasSignature, Is.False);
        Assert.That(request.Signature, Is.Null);
        Assert.That(request.ToMethodData(), Is.EqualTo(data));
    }

    [Test]
    public void Userauth_failure_matches_a_hand_built_payload()
    {
        byte[] expected = [51, 0, 0, 0, 18, .. "publickey,password"u8, 0];

        Assert.That(new UserauthFailureMessage(["publickey", "password"]).ToPayload(), Is.EqualTo(expected));
        Assert.That(UserauthFailureMessage.Read(expected).AllowedMethods, Is.EqualTo(new[] { "publickey", "password" }));
    }

    [Test]
    public void Info_request_matches_a_hand_built_payload()
    {
        byte[] expected =
        [
            60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 2,
            0, 0, 0, 10, .. "Password: "u8, 0,
            0, 0, 0, 3, .. "OK?"u8, 1,
        ];
        var message = new UserauthInfoRequestMessage(string.Empty, string.Empty, string.Empty, [("Password: ", false), ("OK?", true)]);

        Assert.That(message.ToPayload(), Is.EqualTo(expected));
        var read = UserauthInfoRequestMessage.Read(expected);
        Assert.That(read.Prompts, Is.EqualTo(new[] { ("Password: ", false), ("OK?", true) }));
    }

    [Test]
    public void Info_response_matches_a_hand_built_payload()
    {
        byte[] expected = [61, 0, 0, 0, 2, 0, 0, 0, 2, .. "pw"u8, 0, 0, 0, 0];

        Assert.That(new UserauthInfoResponseMessage(["pw", string.Empty]).ToPayload(), Is.EqualTo(expected));
        Assert.That(UserauthInfoResponseMessage.Read(expected).Responses, Is.EqualTo(new[] { "pw", string.Empty }));
    }

    [Test]
    public void Ext_info_matches_a_hand_built_payload()
    {
        byte[] expected = [7, 0, 0, 0, 1, 0, 0, 0, 15, .. "server-sig-algs"u8, 0, 0, 0, 11, .. "ssh-ed25519"u8];

        var message = new ExtInfoMessage([new(ExtInfoMessage.ServerSigAlgs, "ssh-ed25519"u8.ToArray())]);

        Assert.That(message.ToPayload(), Is.EqualTo(expected));
        var read = ExtInfoMessage.Read(expected);
        Assert.That(read.Extensions, Has.Count.EqualTo(1));
        Assert.That(read.Extensions[0].Key, Is.EqualTo("server-sig-algs"));
        Assert.That(read.Extensions[0].Value, Is.EqualTo("ssh-ed25519"u8.ToArray()));
    }

    [Test]
    public void Kexdh_init_pads_a_top_bit_and_reads_back_the_magnitude()
    {
        byte[] expected = [30, 0, 0, 0, 3, 0x00, 0x80, 0x01];

        Assert.That(new KexDhInitMessage([0x80, 0x01]).ToPayload(), Is.EqualTo(expected));
        Assert.That(new KexDhInitMessage([0x00, 0x00, 0x80, 0x01]).ToPayload(), Is.EqualTo(expected), "leading zeros are dropped");
        Assert.That(KexDhInitMessage.Read(expected).E, Is.EqualTo(new byte[] { 0x80, 0x01 }));
    }

    [Test]
    public void Kexdh_init_accepts_redundant_leading_zeros()
    {
        byte[] payload = [30, 0, 0, 0, 4, 0x00, 0x00, 0x7F, 0x01];

        Assert.That(KexDhInitMessage.Read(payload).E, Is.EqualTo(new byte[] { 0x7F, 0x01 }));
    }

    [Test]
    public void Kexdh_init_zero_is_an_empty_mpint()
    {
        Assert.That(new KexDhInitMessage([0, 0]).ToPayload(), Is.EqualTo(new byte[] { 30, 0, 0, 0, 0 }));
        Assert.That(KexDhInitMessage.Read([30, 0, 0, 0, 0]).E, Is.Empty);
    }

    [Test]
    public void Kexdh_reply_writes_f_as_an_mpint_between_two_strings()
    {
        byte[] expected = [31, 0, 0, 0, 1, 0xAA, 0, 0, 0, 2, 0x00, 0xFF, 0, 0, 0, 1, 0xBB];

        Assert.That(new KexDhReplyMessage([0xAA], [0xFF], [0xBB]).ToPayload(), Is.EqualTo(expected));
        var read = KexDhReplyMessage.Read(expected);
        Assert.That(read.F, Is.EqualTo(new byte[] { 0xFF }));
        Assert.That(read.Signature, Is.EqualTo(new byte[] { 0xBB }));
    }

    [Test]
    public void Pty_request_matches_a_hand_built_payload()
    {
        byte[] data = [0, 0, 0, 5, .. "xterm"u8, 0, 0, 0, 80, 0, 0, 0, 24, 0, 0, 2, 128, 0, 0, 1, 224, 0, 0, 0, 1, 0];
        byte[] payload = [98, 0, 0, 0, 0, 0, 0, 0, 7, .. "pty-req"u8, 1, .. data];

        var request = ChannelRequestMessage.Read(payload);
        var pty = PtyRequest.Read(request.RequestData);

        Assert.That(request.RequestType, Is.EqualTo(PtyRequest.RequestType));
        Assert.That(request.WantReply, Is.True);
        Assert.That(pty.Term, Is.EqualTo("xterm"));
        Assert.That(pty.Columns, Is.EqualTo(80u));
        Assert.That(pty.Rows, Is.EqualTo(24u));
        Assert.That(pty.WidthPixels, Is.EqualTo(640u));
        Assert.That(pty.HeightPixels, Is.EqualTo(480u));
        Assert.That(pty.Modes, Is.EqualTo(new byte[] { 0 }));
        Assert.That(new ChannelRequestMessage(0, "pty-req", true, pty.ToRequestData()).ToPayload(), Is.EqualTo(payload));
    }

    [Test]
    public void Window_change_env_and_exit_status_layouts()
    {
        Assert.That(
            new WindowChangeRequest(100, 30, 0, 0).ToRequestData(),
            Is.EqualTo(new byte[] { 0, 0, 0, 100, 0, 0, 0, 30, 0, 0, 0, 0, 0, 0, 0, 0 }));
        Assert.That(new EnvRequest("A", "b").ToRequestData(), Is.EqualTo(new byte[] { 0, 0, 0, 1, 0x41, 0, 0, 0, 1, 0x62 }));
        byte[] exitStatus = [98, 0, 0, 0, 3, 0, 0, 0, 11, .. "exit-status"u8, 0, 0, 0, 0, 1];
        Assert.That(
            new ChannelRequestMessage(3, ExitStatusRequest.RequestType, false, new ExitStatusRequest(1).ToRequestData()).ToPayload(),
            Is.EqualTo(exitStatus));
    }

    [Test]
    public void Exec_command_is_decoded_leniently_and_kept_raw()
    {
        byte[] data = [0, 0, 0, 4, .. "ls "u8, 0xFF];

        var exec = ExecRequest.Read(data);

        Assert.That(exec.CommandBytes, Is.EqualTo(new byte[] { 0x6C, 0x73, 0x20, 0xFF }));
        Assert.That(exec.Command, Is.EqualTo("ls \uFFFD"));
        Assert.That(new ExecRequest("show clock").CommandBytes, Is.EqualTo("show clock"u8.ToArray()));
    }

    [Test]
    public void Channel_open_failure_reason_codes()
    {
        Assert.That(ChannelOpenFailureMessage.AdministrativelyProhibited, Is.EqualTo(1u));
        Assert.That(ChannelOpenFailureMessage.ConnectFailed, Is.EqualTo(2u));
        Assert.That(ChannelOpenFailureMessage.UnknownChannelType, Is.EqualTo(3u));
        Assert.That(ChannelOpenFailureMessage.ResourceShortage, Is.EqualTo(4u));
        byte[] expected = [92, 0, 0, 0, 9, 0, 0, 0, 1, 0, 0, 0, 2, .. "no"u8, 0, 0, 0, 0];
        Assert.That(
            new ChannelOpenFailureMessage(9, ChannelOpenFailureMessage.AdministrativelyProhibited, "no").ToPayload(),
            Is.EqualTo(expected));
    }

    [Test]
    public void Session_channel_open_and_confirmation_layouts()
    {
        byte[] open = [90, 0, 0, 0, 7, .. "session"u8, 0, 0, 0, 1, 0, 0x20, 0, 0, 0, 0, 0x80, 0];
        byte[] confirmation = [91, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0x20, 0, 0, 0, 0, 0x80, 0];

        var read = ChannelOpenMessage.Read(open);

        Assert.That(read.ChannelType, Is.EqualTo(ChannelOpenMessage.SessionChannelType));
        Assert.That(read.SenderChannel, Is.EqualTo(1u));
        Assert.That(read.InitialWindowSize, Is.EqualTo(0x200000u));
        Assert.That(read.MaximumPacketSize, Is.EqualTo(0x8000u));
        Assert.That(read.Data, Is.Empty);
        Assert.That(new ChannelOpenConfirmationMessage(1, 2, 0x200000, 0x8000).ToPayload(), Is.EqualTo(confirmation));
    }

    [Test]
    public void Messages_without_fields_are_one_byte()
    {
        Assert.That(new NewKeysMessage().ToPayload(), Is.EqualTo(new byte[] { 21 }));
        Assert.That(new UserauthSuccessMessage().ToPayload(), Is.EqualTo(new byte[] { 52 }));
        Assert.That(new RequestFailureMessage().ToPayload(), Is.EqualTo(new byte[] { 82 }));
        Assert.That(NewKeysMessage.Read([21]), Is.EqualTo(new NewKeysMessage()));
    }
}
