namespace VirtualFirewall.Grammar.Help;

/// <summary>The rows `?` lists, in display order; render them with <see cref="HelpRenderer"/>.</summary>
public sealed record HelpRows(IReadOnlyList<HelpRow> Rows) : HelpOutcome;
