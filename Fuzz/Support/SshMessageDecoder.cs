using VirtualFirewall.Ssh;
using VirtualFirewall.Ssh.Algorithms.Ciphers;
using VirtualFirewall.Ssh.Algorithms.HostKeys;
using VirtualFirewall.Ssh.Algorithms.KeyExchange;
using VirtualFirewall.Ssh.Messages.Authentication;
using VirtualFirewall.Ssh.Messages.Connection;
using VirtualFirewall.Ssh.Messages.KeyExchange;
using VirtualFirewall.Ssh.Messages.Transport;
using VirtualFirewall.Ssh.Transport;

namespace VirtualFirewall.Fuzz.Support;

/// <summary>
/// Decodes a payload with every reader of its message number (30, 31 and 60 have two), then the
/// method and request data the server reads from USERAUTH_REQUEST and CHANNEL_REQUEST, the algorithm
/// negotiation a KEXINIT leads to, and the signature check of a publickey request. Each step may reject
/// the payload with <see cref="SshProtocolException"/>, which is caught: the next step still runs.
/// </summary>
internal static class SshMessageDecoder
{
    private static readonly Dictionary<byte, Action<ReadOnlySpan<byte>>[]> Readers = new()
    {
        [DisconnectMessage.Number] = [p => DisconnectMessage.Read(p)],
        [IgnoreMessage.Number] = [p => IgnoreMessage.Read(p)],
        [UnimplementedMessage.Number] = [p => UnimplementedMessage.Read(p)],
        [DebugMessage.Number] = [p => DebugMessage.Read(p)],
        [ServiceRequestMessage.Number] = [p => ServiceRequestMessage.Read(p)],
        [ServiceAcceptMessage.Number] = [p => ServiceAcceptMessage.Read(p)],
        [ExtInfoMessage.Number] = [p => ExtInfoMessage.Read(p)],
        [KexInitMessage.Number] = [Negotiate],
        [NewKeysMessage.Number] = [p => NewKeysMessage.Read(p)],
        [KexEcdhInitMessage.Number] = [p => KexEcdhInitMessage.Read(p), p => KexDhInitMessage.Read(p)],
        [KexEcdhReplyMessage.Number] = [p => KexEcdhReplyMessage.Read(p), p => KexDhReplyMessage.Read(p)],
        [UserauthRequestMessage.Number] = [ReadUserauthRequest],
        [UserauthFailureMessage.Number] = [p => UserauthFailureMessage.Read(p)],
        [UserauthSuccessMessage.Number] = [p => UserauthSuccessMessage.Read(p)],
        [UserauthBannerMessage.Number] = [p => UserauthBannerMessage.Read(p)],
        [UserauthPkOkMessage.Number] = [p => UserauthPkOkMessage.Read(p), p => UserauthInfoRequestMessage.Read(p)],
        [UserauthInfoResponseMessage.Number] = [p => UserauthInfoResponseMessage.Read(p)],
        [GlobalRequestMessage.Number] = [p => GlobalRequestMessage.Read(p)],
        [RequestSuccessMessage.Number] = [p => RequestSuccessMessage.Read(p)],
        [RequestFailureMessage.Number] = [p => RequestFailureMessage.Read(p)],
        [ChannelOpenMessage.Number] = [p => ChannelOpenMessage.Read(p)],
        [ChannelOpenConfirmationMessage.Number] = [p => ChannelOpenConfirmationMessage.Read(p)],
        [ChannelOpenFailureMessage.Number] = [p => ChannelOpenFailureMessage.Read(p)],
        [ChannelWindowAdjustMessage.Number] = [p => ChannelWindowAdjustMessage.Read(p)],
        [ChannelDataMessage.Number] = [p => ChannelDataMessage.Read(p)],
        [ChannelExtendedDataMessage.Number] = [p => ChannelExtendedDataMessage.Read(p)],
        [ChannelEofMessage.Number] = [p => ChannelEofMessage.Read(p)],
        [ChannelCloseMessage.Number] = [p => ChannelCloseMessage.Read(p)],
        [ChannelRequestMessage.Number] = [ReadChannelRequest],
        [ChannelSuccessMessage.Number] = [p => ChannelSuccessMessage.Read(p)],
        [ChannelFailureMessage.Number] = [p => ChannelFailureMessage.Read(p)],
    };

    private static readonly KexInitMessage ServerKexInit = new(
        new byte[KexInitMessage.CookieLength],
        [.. KeyExchangeAlgorithms.Names, AlgorithmNegotiation.ServerExtInfo, AlgorithmNegotiation.ServerStrictKex],
        [Ed25519HostKey.Algorithm],
        PacketProtection.Ciphers,
        PacketProtection.Ciphers,
        PacketProtection.Macs,
        PacketProtection.Macs,
        ["none"],
        ["none"],
        [],
        [],
        false,
        0);

    public static void Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty || !Readers.TryGetValue(payload[0], out var readers))
        {
            return;
        }

        foreach (var read in readers)
        {
            try
            {
                read(payload);
            }
            catch (SshProtocolException)
            {
                // The payload is rejected as a bad message: the server would disconnect.
            }
        }
    }

    private static void Negotiate(ReadOnlySpan<byte> payload)
    {
        var client = KexInitMessage.Read(payload);
        var chosen = AlgorithmNegotiation.Negotiate(client, ServerKexInit);
        AlgorithmNegotiation.GuessWasRight(client, chosen);
    }

    private static void ReadUserauthRequest(ReadOnlySpan<byte> payload)
    {
        var request = UserauthRequestMessage.Read(payload);
        var signed = payload.ToArray();
        Try(() => PasswordRequest.Read(request.MethodData));
        Try(() => KeyboardInteractiveRequest.Read(request.MethodData));
        Try(() =>
        {
            var key = PublicKeyRequest.Read(request.MethodData);
            SignatureVerifier.KeyTypeOf(key.PublicKeyBlob);
            if (key.Signature is { } signature && SignatureVerifier.IsSupportedAlgorithm(key.Algorithm))
            {
                SignatureVerifier.Verify(key.Algorithm, key.PublicKeyBlob, signed, signature);
            }
        });
    }

    private static void ReadChannelRequest(ReadOnlySpan<byte> payload)
    {
        var request = ChannelRequestMessage.Read(payload);
        Try(() => PtyRequest.Read(request.RequestData));
        Try(() => WindowChangeRequest.Read(request.RequestData));
        Try(() => EnvRequest.Read(request.RequestData));
        Try(() => ExecRequest.Read(request.RequestData));
        Try(() => ExitStatusRequest.Read(request.RequestData));
    }

    private static void Try(Action read)
    {
        try
        {
            read();
        }
        catch (SshProtocolException)
        {
            // As in Decode: a rejected field, the next reader still runs.
        }
    }
}
