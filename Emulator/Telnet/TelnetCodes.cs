namespace VirtualFirewall.Emulator.Telnet;

/// <summary>Telnet command bytes (RFC 854), option codes and subnegotiation qualifiers.</summary>
public static class TelnetCodes
{
    /// <summary>Interpret As Command.</summary>
    public const byte IAC = 255;
    public const byte DONT = 254;
    public const byte DO = 253;
    public const byte WONT = 252;
    public const byte WILL = 251;
    /// <summary>Subnegotiation begin.</summary>
    public const byte SB = 250;
    /// <summary>Go Ahead.</summary>
    public const byte GA = 249;
    /// <summary>Erase Line.</summary>
    public const byte EL = 248;
    /// <summary>Erase Character.</summary>
    public const byte EC = 247;
    /// <summary>Are You There.</summary>
    public const byte AYT = 246;
    /// <summary>Abort Output.</summary>
    public const byte AO = 245;
    /// <summary>Interrupt Process.</summary>
    public const byte IP = 244;
    /// <summary>Break.</summary>
    public const byte BRK = 243;
    /// <summary>Data Mark (the data-stream part of a Synch).</summary>
    public const byte DM = 242;
    public const byte NOP = 241;
    /// <summary>Subnegotiation end.</summary>
    public const byte SE = 240;
    /// <summary>End Of Record (RFC 885).</summary>
    public const byte EOR = 239;

    /// <summary>Echo option (RFC 857).</summary>
    public const byte ECHO = 1;
    /// <summary>Suppress Go Ahead option (RFC 858).</summary>
    public const byte SGA = 3;
    /// <summary>Terminal Type option (RFC 1091).</summary>
    public const byte TTYPE = 24;
    /// <summary>Negotiate About Window Size option (RFC 1073).</summary>
    public const byte NAWS = 31;
    /// <summary>Linemode option (RFC 1184).</summary>
    public const byte LINEMODE = 34;
    /// <summary>New Environment option (RFC 1572).</summary>
    public const byte NEW_ENVIRON = 39;

    /// <summary>Subnegotiation qualifier IS (RFC 1091, RFC 1572).</summary>
    public const byte IS = 0;
    /// <summary>Subnegotiation qualifier SEND (RFC 1091, RFC 1572).</summary>
    public const byte SEND = 1;
}
