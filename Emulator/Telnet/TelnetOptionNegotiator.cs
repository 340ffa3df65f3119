namespace VirtualFirewall.Emulator.Telnet;

/// <summary>
/// Option state for both directions per the RFC 1143 "Q method": every option is NO, YES, WANTNO or WANTYES
/// plus a one-bit queue for the opposite request, so no sequence of peer messages can make us loop.
/// "Local" is our side (we send WILL/WONT, the peer DO/DONT); "remote" is the peer's side (it sends
/// WILL/WONT, we send DO/DONT). Every method returns the bytes to send, possibly empty, and never throws.
/// </summary>
public sealed class TelnetOptionNegotiator
{
    private const int OptionCount = 256;

    private readonly bool[] _localSupported = new bool[OptionCount];
    private readonly bool[] _remoteSupported = new bool[OptionCount];
    private readonly Side _us = new();
    private readonly Side _him = new();

    /// <param name="localOptions">Options we are willing to enable on our side (a server: ECHO, SGA).</param>
    /// <param name="remoteOptions">Options we let the peer enable on its side (a server: NAWS, TTYPE).</param>
    public TelnetOptionNegotiator(IEnumerable<byte> localOptions, IEnumerable<byte> remoteOptions)
    {
        ArgumentNullException.ThrowIfNull(localOptions);
        ArgumentNullException.ThrowIfNull(remoteOptions);
        foreach (var option in localOptions)
        {
            _localSupported[option] = true;
        }

        foreach (var option in remoteOptions)
        {
            _remoteSupported[option] = true;
        }
    }

    private enum Q : byte
    {
        No,
        Yes,
        WantNo,
        WantYes,
    }

    /// <summary>The options a CLI server offers: it echoes and suppresses go-ahead; the client reports size and type.</summary>
    public static TelnetOptionNegotiator ForServer() =>
        new([TelnetCodes.ECHO, TelnetCodes.SGA], [TelnetCodes.NAWS, TelnetCodes.TTYPE]);

    public bool IsLocalEnabled(byte option) => _us.State[option] == Q.Yes;

    public bool IsRemoteEnabled(byte option) => _him.State[option] == Q.Yes;

    /// <summary>Asks to enable <paramref name="option"/> on our side (IAC WILL), if supported and not already under way.</summary>
    public byte[] RequestLocal(byte option) =>
        _localSupported[option] ? RequestEnable(_us, option, TelnetCodes.WILL) : [];

    /// <summary>Asks the peer to enable <paramref name="option"/> (IAC DO), if supported and not already under way.</summary>
    public byte[] RequestRemote(byte option) =>
        _remoteSupported[option] ? RequestEnable(_him, option, TelnetCodes.DO) : [];

    /// <summary>Disables <paramref name="option"/> on our side (IAC WONT) if it is, or is becoming, enabled.</summary>
    public byte[] DisableLocal(byte option) => RequestDisable(_us, option, TelnetCodes.WONT);

    /// <summary>Asks the peer to disable <paramref name="option"/> (IAC DONT) if it is, or is becoming, enabled.</summary>
    public byte[] DisableRemote(byte option) => RequestDisable(_him, option, TelnetCodes.DONT);

    /// <summary>Processes a received <c>IAC verb option</c> and returns the reply (RFC 1143 §7); other verbs are ignored.</summary>
    public byte[] Receive(byte verb, byte option) => verb switch
    {
        TelnetCodes.WILL => ReceiveEnable(_him, option, _remoteSupported[option], TelnetCodes.DO, TelnetCodes.DONT),
        TelnetCodes.WONT => ReceiveDisable(_him, option, TelnetCodes.DO, TelnetCodes.DONT),
        TelnetCodes.DO => ReceiveEnable(_us, option, _localSupported[option], TelnetCodes.WILL, TelnetCodes.WONT),
        TelnetCodes.DONT => ReceiveDisable(_us, option, TelnetCodes.WILL, TelnetCodes.WONT),
        _ => [],
    };

    /// <inheritdoc cref="Receive(byte, byte)"/>
    public byte[] Receive(TelnetNegotiation negotiation)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        return Receive(negotiation.Verb, negotiation.Option);
    }

    // RFC 1143 §7, "Upon receipt of WILL" (mirrored for DO): an answer to our request is never answered.
    private static byte[] ReceiveEnable(Side side, byte option, bool agree, byte enable, byte disable)
    {
        switch (side.State[option])
        {
            case Q.No when agree:
                side.State[option] = Q.Yes;
                return TelnetEncoder.Negotiation(enable, option);
            case Q.No:
                return TelnetEncoder.Negotiation(disable, option);
            case Q.Yes:
                return [];
            case Q.WantNo:
                // The peer answered our disable request with an enable: a protocol error, settled without reply.
                side.State[option] = side.Opposite[option] ? Q.Yes : Q.No;
                side.Opposite[option] = false;
                return [];
            case Q.WantYes when side.Opposite[option]:
                side.State[option] = Q.WantNo;
                side.Opposite[option] = false;
                return TelnetEncoder.Negotiation(disable, option);
            default:
                side.State[option] = Q.Yes;
                return [];
        }
    }

    // RFC 1143 §7, "Upon receipt of WONT" (mirrored for DONT).
    private static byte[] ReceiveDisable(Side side, byte option, byte enable, byte disable)
    {
        switch (side.State[option])
        {
            case Q.No:
                return [];
            case Q.Yes:
                side.State[option] = Q.No;
                return TelnetEncoder.Negotiation(disable, option);
            case Q.WantNo when side.Opposite[option]:
                side.State[option] = Q.WantYes;
                side.Opposite[option] = false;
                return TelnetEncoder.Negotiation(enable, option);
            default:
                side.State[option] = Q.No;
                side.Opposite[option] = false;
                return [];
        }
    }

    // RFC 1143 §7, "If we decide to ask him to enable".
    private static byte[] RequestEnable(Side side, byte option, byte enable)
    {
        switch (side.State[option])
        {
            case Q.No:
                side.State[option] = Q.WantYes;
                return TelnetEncoder.Negotiation(enable, option);
            case Q.WantNo:
                side.Opposite[option] = true;
                return [];
            case Q.WantYes:
                side.Opposite[option] = false;
                return [];
            default:
                return [];
        }
    }

    // RFC 1143 §7, "If we decide to ask him to disable".
    private static byte[] RequestDisable(Side side, byte option, byte disable)
    {
        switch (side.State[option])
        {
            case Q.Yes:
                side.State[option] = Q.WantNo;
                return TelnetEncoder.Negotiation(disable, option);
            case Q.WantNo:
                side.Opposite[option] = false;
                return [];
            case Q.WantYes:
                side.Opposite[option] = true;
                return [];
            default:
                return [];
        }
    }

    private sealed class Side
    {
        public Q[] State { get; } = new Q[OptionCount];

        public bool[] Opposite { get; } = new bool[OptionCount];
    }
}
