namespace VirtualFirewall.Grammar;

/// <summary>A line with nothing but spaces: the CLI prints a new prompt.</summary>
public sealed record EmptyLine : ParseOutcome
{
    public static EmptyLine Instance { get; } = new();
}
