namespace VirtualFirewall.Engine.Sessions;

/// <summary>
/// The session timeouts of `set deviceconfig setting session timeout-*`, in seconds unless named
/// otherwise; the defaults are those `show session info` prints (reference §3.3 and the §3.5 table).
/// </summary>
public sealed record SessionTimeouts
{
    public const int TcpProtocol = 6;
    public const int UdpProtocol = 17;
    public const int IcmpProtocol = 1;
    public const int SctpProtocol = 132;

    /// <summary>The factory defaults.</summary>
    public static SessionTimeouts PanosDefaults { get; } = new();

    /// <summary>`timeout-tcp`: an established TCP session.</summary>
    public int Tcp { get; init; } = 3600;

    /// <summary>`timeout-tcpinit`: before the SYN-ACK is received.</summary>
    public int TcpInit { get; init; } = 5;

    /// <summary>`timeout-tcphandshake`: before the three-way handshake completes.</summary>
    public int TcpHandshake { get; init; } = 10;

    public int TcpHalfClosed { get; init; } = 120;
    public int TcpTimeWait { get; init; } = 15;
    public int TcpDelayedAckMilliseconds { get; init; } = 250;
    public int TcpUnverifiedRst { get; init; } = 30;
    public int Udp { get; init; } = 30;
    public int Icmp { get; init; } = 6;
    public int Sctp { get; init; } = 3600;
    public int SctpInit { get; init; } = 5;
    public int SctpCookie { get; init; } = 60;
    public int SctpShutdown { get; init; } = 30;

    /// <summary>`timeout-default`: every other IP protocol (`other IP default timeout`).</summary>
    public int Default { get; init; } = 30;

    public int CaptivePortal { get; init; } = 30;
    public int DiscardTcp { get; init; } = 90;
    public int DiscardUdp { get; init; } = 60;
    public int DiscardSctp { get; init; } = 60;
    public int DiscardDefault { get; init; } = 60;

    /// <summary>
    /// The idle timeout of a session of <paramref name="protocol"/> in <paramref name="state"/>:
    /// DISCARD takes the discard timeout of the protocol, a TCP session in OPENING the handshake
    /// timeout and in CLOSING the TIME_WAIT one; every other state the protocol's own timeout.
    /// </summary>
    public int For(int protocol, SessionState state, bool captivePortal = false) => state switch
    {
        SessionState.Discard => protocol switch
        {
            TcpProtocol => DiscardTcp,
            UdpProtocol => DiscardUdp,
            SctpProtocol => DiscardSctp,
            _ => DiscardDefault,
        },
        SessionState.Opening when protocol == TcpProtocol => TcpHandshake,
        SessionState.Closing when protocol == TcpProtocol => TcpTimeWait,
        _ when captivePortal => CaptivePortal,
        _ => protocol switch
        {
            TcpProtocol => Tcp,
            UdpProtocol => Udp,
            IcmpProtocol => Icmp,
            SctpProtocol => Sctp,
            _ => Default,
        },
    };
}
