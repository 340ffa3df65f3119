namespace VirtualFirewall.Grammar.Help;

/// <summary>What `?` shows: <see cref="HelpRows"/> to list, or a <see cref="HelpFailure"/> message.</summary>
public abstract record HelpOutcome;
