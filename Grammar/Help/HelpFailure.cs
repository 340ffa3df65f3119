namespace VirtualFirewall.Grammar.Help;

/// <summary>`?` after words that cannot be accepted: the same message Enter would print (ends with "\n").</summary>
public sealed record HelpFailure(string Message) : HelpOutcome;
