using Pidgin;
using VirtualFirewall.Engine.Cli;
using VirtualFirewall.Engine.Rendering;
using VirtualFirewall.Grammar.Configuration;
using VirtualFirewall.Grammar.Help;
using VirtualFirewall.Grammar.Lexing;
using VirtualFirewall.Grammar.Pipes;

namespace VirtualFirewall.Grammar;

/// <summary>Text to typed Engine commands. Never throws on user input: failures are values.</summary>
public static class CommandLine
{
    /// <summary>The command tree of a mode: what Enter parses, and what `?` and Tab describe.</summary>
    public static CommandNode RootFor(CliMode mode) =>
        mode == CliMode.Configuration ? ConfigurationTree.Root : CommandTree.Operational;

    /// <param name="line">The line as typed.</param>
    /// <param name="mode">The mode whose command tree applies.</param>
    /// <param name="editPath">In configuration mode, the words of the `[edit ...]` level.</param>
    public static ParseOutcome Parse(string line, CliMode mode = CliMode.Operational, IReadOnlyList<string>? editPath = null)
    {
        var root = RootFor(mode);
        if (!Tokenizer.TryTokenize(line, out var tokens))
        {
            return FirstWordFailure(root, line);
        }

        if (tokens.Count == 0)
        {
            return EmptyLine.Instance;
        }

        var pipeline = OutputPipeline.None;
        var bar = IndexOfPipe(tokens);
        if (bar >= 0)
        {
            var pipes = PipeParser.Parse([.. tokens.Skip(bar + 1)]);
            if (pipes is null || bar == 0)
            {
                return bar == 0 ? new ParseFailure(Messages.UnknownCommand("|")) : new ParseFailure(Messages.InvalidSyntax);
            }

            pipeline = pipes;
            tokens = [.. tokens.Take(bar)];
        }

        if (mode == CliMode.Configuration && ConfigCommandParser.Verbs.Contains(tokens[0].Text, StringComparer.Ordinal))
        {
            var outcome = ConfigCommandParser.Parse(tokens[0].Text, editPath ?? [], [.. tokens.Skip(1).Select(t => t.Text)]);
            return outcome is ParsedCommand config ? config with { Pipeline = pipeline } : outcome;
        }

        var node = root;
        var values = new List<object>();
        var usedOptions = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (node.IsOptionSet)
            {
                var option = node.Children.FirstOrDefault(c => string.Equals(c.Name, tokens[i].Text, StringComparison.Ordinal));
                var valueAt = i + (option?.OptionOperator is null ? 1 : 2);
                if (option?.OptionValue is null || !usedOptions.Add(option.Name) || valueAt >= tokens.Count
                    || (option.OptionOperator is { } op && !string.Equals(tokens[i + 1].Text, op, StringComparison.Ordinal))
                    || option.OptionValue.Parse(tokens[valueAt].Text) is not { Success: true } parsed)
                {
                    return new ParseFailure(Messages.InvalidSyntax);
                }

                values.Add(new KeyValuePair<string, object>(option.Name, parsed.Value));
                i = valueAt;
                continue;
            }

            var next = node.Accept(tokens[i], out var value);
            if (next is null)
            {
                // PAN-OS names only an unknown first word; anything later is a syntax error
                // (netmiko issue #2071 bytes; panos-cli-gaps.md §3.1 and §3.3).
                return i == 0
                    ? new ParseFailure(Messages.UnknownCommand(tokens[0].Text))
                    : new ParseFailure(Messages.InvalidSyntax);
            }

            if (value is not null)
            {
                values.Add(value);
            }

            node = next;
        }

        return node.Build is { } build
            ? new ParsedCommand(build(values)) { Pipeline = pipeline }
            : new ParseFailure(Messages.InvalidSyntax);
    }

    private static int IndexOfPipe(IReadOnlyList<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].Quoted && string.Equals(tokens[i].Text, "|", StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static ParseFailure FirstWordFailure(CommandNode root, string line)
    {
        var trimmed = line.TrimStart();
        var end = 0;
        while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end]))
        {
            end++;
        }

        var first = trimmed[..end];
        var known = root.Children.Any(c => string.Equals(c.Name, first, StringComparison.Ordinal));
        return known ? new ParseFailure(Messages.InvalidSyntax) : new ParseFailure(Messages.UnknownCommand(first));
    }
}
