using System.Text.RegularExpressions;
using Pidgin;
using VirtualFirewall.Grammar.Lexing;
using VirtualFirewall.Grammar.Pipes;

namespace VirtualFirewall.Grammar.Help;

/// <summary>
/// Walks a command tree one complete word at a time, accepting words exactly as
/// <see cref="CommandLine.Parse"/> does (keywords, value slots, option sets, `| match`/`| except`
/// pipes), and says what may come next. Pure: no I/O, nothing shared between walks.
/// </summary>
internal sealed class HelpCursor
{
    /// <summary>The row appended when the words so far form a whole command (panos-cli-reference.md §2.7).</summary>
    public static readonly HelpRow PipeRow = new(HelpRow.NoMarker, "|", "Pipe through a command");

    /// <summary>The last row when the words so far form a whole command (panos-cli-reference.md §2.7).</summary>
    public static readonly HelpRow EnterRow = new(HelpRow.NoMarker, "<Enter>", "Finish input");

    private const string ValuePlaceholder = "<value>";

    // Any partial word could still grow into a valid pattern (`(ab` needs only its `)`).
    private static readonly Parser<char, object> AnyPattern = Parser<char>.Any.ManyString().Select(text => (object)text);

    private readonly HashSet<string> usedOptions = new(StringComparer.Ordinal);
    private Step step = Step.Node;
    private CommandNode node;
    private CommandNode? option;

    public HelpCursor(CommandNode root) => node = root;

    private enum Step
    {
        /// <summary>At <see cref="node"/>: its children (or its unused options) may follow.</summary>
        Node,

        /// <summary>After an option keyword that is written `name equal value`: the operator follows.</summary>
        OptionOperator,

        /// <summary>After an option keyword (and its operator): the option's value follows.</summary>
        OptionValue,

        /// <summary>After `|`: a stage keyword follows.</summary>
        PipeStage,

        /// <summary>After a stage keyword: its pattern follows.</summary>
        PipePattern,

        /// <summary>After a whole stage: only another `|` or Enter.</summary>
        PipeEnd,
    }

    /// <summary>True when Enter would run what has been typed (a node that builds, or a whole pipe stage).</summary>
    public bool IsComplete => step switch
    {
        Step.Node => node.Build is not null,
        Step.PipeEnd => true,
        _ => false,
    };

    /// <summary>Moves past one complete word; false when the word cannot come here.</summary>
    public bool Advance(TypedWord word)
    {
        if (!word.Quoted && step != Step.PipePattern && string.Equals(word.Text, "|", StringComparison.Ordinal))
        {
            // Enter parses the command before the first `|` on its own, so a pipe needs a whole command.
            if (!IsComplete)
            {
                return false;
            }

            step = Step.PipeStage;
            return true;
        }

        switch (step)
        {
            case Step.Node when node.IsOptionSet:
                var named = node.Children.FirstOrDefault(c => string.Equals(c.Name, word.Text, StringComparison.Ordinal));
                if (named?.OptionValue is null || !usedOptions.Add(named.Name))
                {
                    return false;
                }

                option = named;
                step = named.OptionOperator is null ? Step.OptionValue : Step.OptionOperator;
                return true;
            case Step.Node:
                var next = node.Accept(new Token(word.Text, 0, word.Quoted), out _);
                if (next is null)
                {
                    return false;
                }

                node = next;
                return true;
            case Step.OptionOperator:
                if (!string.Equals(word.Text, option!.OptionOperator, StringComparison.Ordinal))
                {
                    return false;
                }

                step = Step.OptionValue;
                return true;
            case Step.OptionValue:
                if (!option!.OptionValue!.Parse(word.Text).Success)
                {
                    return false;
                }

                step = Step.Node;
                option = null;
                return true;
            case Step.PipeStage:
                if (!PipeParser.Stages.Any(s => string.Equals(s.Key, word.Text, StringComparison.Ordinal)))
                {
                    return false;
                }

                step = Step.PipePattern;
                return true;
            case Step.PipePattern:
                if (!IsPattern(word.Text))
                {
                    return false;
                }

                step = Step.PipeEnd;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// What may come next, in display order: keywords in the tree's order, then value slots, then
    /// `|` and `&lt;Enter&gt;` when the words so far already form a whole command.
    /// </summary>
    public IReadOnlyList<HelpCandidate> Next()
    {
        var next = new List<HelpCandidate>();
        switch (step)
        {
            case Step.Node when node.IsOptionSet:
                next.AddRange(node.Children
                    .Where(c => !usedOptions.Contains(c.Name))
                    .Select(c => HelpCandidate.ForKeyword(MarkerOf(c), c.Name, c.Help)));
                break;
            case Step.Node:
                next.AddRange(node.Children.Where(c => !c.IsValue).Select(c => HelpCandidate.ForKeyword(MarkerOf(c), c.Name, c.Help)));
                next.AddRange(node.Children.Where(c => c.IsValue).Select(c => HelpCandidate.ForValue(c.Name, c.Help, c.Value!)));
                break;
            case Step.OptionOperator:
                // PAN-OS lists a fixed word with itself as its description (`set cli config-output-format`, §2.7).
                next.Add(HelpCandidate.ForKeyword(HelpRow.NoMarker, option!.OptionOperator!, option.OptionOperator!));
                break;
            case Step.OptionValue when option!.Choices.Count > 0:
                // One row per choice, the word as its own description, sorted as PAN-OS sorts listings (§2.7).
                next.AddRange(option.Choices
                    .Order(StringComparer.Ordinal)
                    .Select(choice => HelpCandidate.ForKeyword(HelpRow.NoMarker, choice, choice)));
                break;
            case Step.OptionValue:
                next.Add(HelpCandidate.ForValue(ValuePlaceholder, option!.ValueHelp ?? option.Help, option.OptionValue!));
                break;
            case Step.PipeStage:
                next.AddRange(PipeParser.Stages.Select(s => HelpCandidate.ForKeyword(HelpRow.NoMarker, s.Key, s.Value)));
                break;
            case Step.PipePattern:
                next.Add(HelpCandidate.ForValue(ValuePlaceholder, PipeParser.PatternHelp, AnyPattern, barIsValue: true));
                break;
            default:
                break;
        }

        if (IsComplete)
        {
            next.Add(new HelpCandidate(PipeRow, "|", null));
            next.Add(new HelpCandidate(EnterRow, null, null));
        }

        return next;
    }

    /// <summary>
    /// `>` for a keyword that opens a sub-tree (option sets included), `+` for an option that takes
    /// a value, blank for a plain terminal keyword (panos-cli-gaps.md §4.2).
    /// </summary>
    private static string MarkerOf(CommandNode child) =>
        child.OptionValue is not null ? HelpRow.OptionMarker
        : child.Children.Count > 0 ? HelpRow.SubtreeMarker
        : HelpRow.NoMarker;

    // The same construction as PipeParser: a pattern Enter would reject is not accepted here either.
    private static bool IsPattern(string text)
    {
        try
        {
            _ = new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
