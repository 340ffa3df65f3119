namespace VirtualFirewall.Grammar.Help;

/// <summary>Tab could not choose: list these rows (same layout as `?`) and redraw the line unchanged.</summary>
public sealed record Candidates(IReadOnlyList<HelpRow> Rows) : CompletionOutcome;
