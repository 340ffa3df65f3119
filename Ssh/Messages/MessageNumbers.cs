namespace VirtualFirewall.Ssh.Messages;

/// <summary>
/// Message numbers (RFC 4250 §4.1) and their ranges (RFC 4251 §7). Numbers 30–49 and 60–79 are reused
/// by different methods: which message a 30 or a 60 is depends on the negotiated key exchange or the
/// authentication method in progress.
/// </summary>
public static class MessageNumbers
{
    // Transport layer generic (RFC 4253, RFC 8308).
    public const byte Disconnect = 1;
    public const byte Ignore = 2;
    public const byte Unimplemented = 3;
    public const byte Debug = 4;
    public const byte ServiceRequest = 5;
    public const byte ServiceAccept = 6;
    public const byte ExtInfo = 7;

    // Algorithm negotiation.
    public const byte KexInit = 20;
    public const byte NewKeys = 21;

    // Key exchange method specific (RFC 5656 §7.1 and RFC 8731 for ECDH, RFC 4253 §8 for DH groups).
    public const byte KexEcdhInit = 30;
    public const byte KexEcdhReply = 31;
    public const byte KexDhInit = 30;
    public const byte KexDhReply = 31;

    // User authentication (RFC 4252, RFC 4256).
    public const byte UserauthRequest = 50;
    public const byte UserauthFailure = 51;
    public const byte UserauthSuccess = 52;
    public const byte UserauthBanner = 53;
    public const byte UserauthPkOk = 60;
    public const byte UserauthInfoRequest = 60;
    public const byte UserauthInfoResponse = 61;

    // Connection protocol (RFC 4254).
    public const byte GlobalRequest = 80;
    public const byte RequestSuccess = 81;
    public const byte RequestFailure = 82;
    public const byte ChannelOpen = 90;
    public const byte ChannelOpenConfirmation = 91;
    public const byte ChannelOpenFailure = 92;
    public const byte ChannelWindowAdjust = 93;
    public const byte ChannelData = 94;
    public const byte ChannelExtendedData = 95;
    public const byte ChannelEof = 96;
    public const byte ChannelClose = 97;
    public const byte ChannelRequest = 98;
    public const byte ChannelSuccess = 99;
    public const byte ChannelFailure = 100;

    /// <summary>Transport layer protocol: 1–49 (generic, algorithm negotiation, key exchange).</summary>
    public static bool IsTransportLayer(byte number) => number is >= 1 and <= 49;

    /// <summary>
    /// The messages of a key exchange: KEXINIT, NEWKEYS and the method-specific 30–49. Under strict key
    /// exchange (kex-strict-*-v00@openssh.com) these are the only ones allowed until NEWKEYS.
    /// </summary>
    public static bool IsKeyExchange(byte number) => number is KexInit or NewKeys or (>= 30 and <= 49);

    /// <summary>User authentication protocol: 50–79.</summary>
    public static bool IsUserAuth(byte number) => number is >= 50 and <= 79;

    /// <summary>Connection protocol: 80–127.</summary>
    public static bool IsConnection(byte number) => number is >= 80 and <= 127;
}
