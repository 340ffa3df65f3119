using Pidgin;
using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Grammar.Lexing;

namespace VirtualFirewall.Grammar.Help;

/// <summary>
/// One node of the command tree: a keyword or a value slot, its help text, what may follow, and,
/// when the words so far form a whole command, how to build it from the values collected on the way.
/// The same nodes drive parsing, `?` help and Tab completion.
/// </summary>
public sealed class CommandNode
{
    internal CommandNode(
        string name,
        string help,
        IReadOnlyList<CommandNode> children,
        Parser<char, object>? value = null,
        Func<IReadOnlyList<object>, Command>? build = null,
        Parser<char, object>? optionValue = null,
        bool isOptionSet = false,
        string? optionOperator = null,
        string? valueHelp = null,
        IReadOnlyList<string>? choices = null)
    {
        OptionOperator = optionOperator;
        ValueHelp = valueHelp;
        Choices = choices ?? [];
        Name = name;
        Help = help;
        Children = children;
        Value = value;
        Build = build;
        OptionValue = optionValue;
        IsOptionSet = isOptionSet;
    }

    /// <summary>The keyword, or the placeholder (such as `&lt;value&gt;`) of a value slot.</summary>
    public string Name { get; }

    public string Help { get; }

    public IReadOnlyList<CommandNode> Children { get; }

    /// <summary>For a value slot, the parser a word must satisfy; null for a keyword.</summary>
    public Parser<char, object>? Value { get; }

    /// <summary>Builds the command when the line ends at this node; null when more words are required.</summary>
    public Func<IReadOnlyList<object>, Command>? Build { get; }

    public bool IsValue => Value is not null;

    /// <summary>For an option (`+` in help): the parser of the word that follows the keyword.</summary>
    public Parser<char, object>? OptionValue { get; }

    /// <summary>
    /// For an option: the description of its value, shown on the `&lt;value&gt;` row of `?` help
    /// (for example `&lt;0-65535&gt; Destination port`); null when the option's own help says enough.
    /// </summary>
    public string? ValueHelp { get; }

    /// <summary>For an option whose value is one of fixed words (`yes`/`no`): those words, listed one per row by `?`; empty otherwise.</summary>
    public IReadOnlyList<string> Choices { get; }

    /// <summary>A word between an option and its value, as in `direction equal backward`; null when none.</summary>
    public string? OptionOperator { get; }

    /// <summary>
    /// True for a node whose children are options that may come in any order, each at most once
    /// (`show session all filter from trust to untrust ...`). Its values reach Build as name/value pairs.
    /// </summary>
    public bool IsOptionSet { get; }

    /// <summary>The child that accepts the word: an exact keyword first, then a value slot whose parser succeeds.</summary>
    public CommandNode? Accept(Token word, out object? value)
    {
        foreach (var child in Children)
        {
            if (!child.IsValue && string.Equals(child.Name, word.Text, StringComparison.Ordinal))
            {
                value = null;
                return child;
            }
        }

        foreach (var child in Children)
        {
            if (child.Value is { } parser && parser.Parse(word.Text) is { Success: true } result)
            {
                value = result.Value;
                return child;
            }
        }

        value = null;
        return null;
    }
}
