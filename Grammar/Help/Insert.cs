namespace VirtualFirewall.Grammar.Help;

/// <summary>Tab completed the word: append <paramref name="Text"/> to the line (it may end with a space).</summary>
public sealed record Insert(string Text) : CompletionOutcome;
