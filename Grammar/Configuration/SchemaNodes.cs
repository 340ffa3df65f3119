using Pidgin;
using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Engine.Configuration;
using VirtualFirewall.Grammar.Help;

namespace VirtualFirewall.Grammar.Configuration;

/// <summary>
/// The configuration schema as command-tree nodes, so `?` and Tab describe `set`, `delete`, `edit` and
/// `show` paths. Enter does not parse through these: <see cref="ConfigCommandParser"/> reads those
/// commands against the schema itself, because one line may set several fields.
/// </summary>
internal static class SchemaNodes
{
    private static readonly Parser<char, object> AnyWord =
        Parser<char>.Token(c => !char.IsWhiteSpace(c)).AtLeastOnceString().Select(w => (object)w);

    /// <param name="schema">The node whose children are described.</param>
    /// <param name="withValues">False for `edit`, `show` and `delete` paths that end at a node.</param>
    /// <param name="leaves">False for `edit`, which cannot stop at a leaf.</param>
    public static CommandNode[] For(SchemaNode schema, bool withValues, bool leaves) =>
        [.. schema.Children.Where(c => leaves || c.Kind is SchemaKind.Container or SchemaKind.EntryList).Select(c => Node(c, withValues, leaves))];

    private static CommandNode Node(SchemaNode schema, bool withValues, bool leaves)
    {
        // Only marks where a path may end, so help offers `<Enter>` there; CommandLine parses these
        // verbs with ConfigCommandParser and never calls it.
        Func<IReadOnlyList<object>, Command> done = _ => throw new InvalidOperationException("configuration paths are parsed by ConfigCommandParser");
        return schema.Kind switch
        {
            SchemaKind.Container => new CommandNode(schema.Name, schema.Help, For(schema, withValues, leaves), build: done),
            SchemaKind.EntryList => new CommandNode(
                schema.Name,
                schema.Help,
                [new CommandNode("<name>", schema.Help, For(schema, withValues, leaves), AnyWord, done)],
                build: withValues ? null : done),
            _ when !withValues || schema.IsInteractive => new CommandNode(schema.Name, schema.Help, [], build: done),
            // A field that takes a value is an option (`+`) in PAN-OS's help, a sub-tree is `>` (panos-cli-gaps.md §4.2).
            _ when schema.Choices.Count > 0 => new CommandNode(schema.Name, schema.Help, [.. schema.Choices.Select(c => new CommandNode(c, c, [], build: done))], optionValue: AnyWord),
            _ => new CommandNode(schema.Name, schema.Help, [new CommandNode("<value>", schema.Help, [], AnyWord, done)], optionValue: AnyWord),
        };
    }
}
