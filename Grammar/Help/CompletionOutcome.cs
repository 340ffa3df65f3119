namespace VirtualFirewall.Grammar.Help;

/// <summary>What Tab does: <see cref="Insert"/> characters, list <see cref="Candidates"/>, or <see cref="NoMatch"/>.</summary>
public abstract record CompletionOutcome;
