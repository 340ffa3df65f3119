namespace VirtualFirewall.Emulator.Telnet;

/// <summary>A two-byte command <c>IAC code</c> (NOP, AYT, IP, BRK, AO, EC, EL, GA, DM, EOR, or any undefined byte).</summary>
public sealed record TelnetCommand(byte Code) : TelnetEvent;
