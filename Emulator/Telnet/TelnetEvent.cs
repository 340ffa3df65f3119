namespace VirtualFirewall.Emulator.Telnet;

/// <summary>One unit of a decoded Telnet stream, in stream order.</summary>
public abstract record TelnetEvent;
