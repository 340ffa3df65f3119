namespace VirtualFirewall.Grammar;

/// <summary>A line the tree rejects, with the exact text PAN-OS prints for it (`\n` line ends).</summary>
public sealed record ParseFailure(string Message) : ParseOutcome;
