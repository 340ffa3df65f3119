namespace VirtualFirewall.Emulator.Telnet;

/// <summary>An option negotiation <c>IAC verb option</c> where verb is WILL, WONT, DO or DONT.</summary>
public sealed record TelnetNegotiation(byte Verb, byte Option) : TelnetEvent;
