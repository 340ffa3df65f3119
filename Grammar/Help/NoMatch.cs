namespace VirtualFirewall.Grammar.Help;

/// <summary>Tab found nothing that could follow: the line stays as it is.</summary>
public sealed record NoMatch : CompletionOutcome
{
    public static NoMatch Instance { get; } = new();

    private NoMatch()
    {
    }
}
