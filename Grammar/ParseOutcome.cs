namespace VirtualFirewall.Grammar;

/// <summary>What a command line turned into: a command, nothing, or the error text PAN-OS prints.</summary>
public abstract record ParseOutcome;
