using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Engine.Configuration;
using VirtualFirewall.Engine.Rendering;

namespace VirtualFirewall.Grammar.Configuration;

/// <summary>
/// `set`, `delete`, `edit` and `show` in configuration mode: the words after the verb, prefixed by the
/// session's edit path, read against the configuration schema.
/// </summary>
internal static class ConfigCommandParser
{
    public static readonly string[] Verbs = ["delete", "edit", "move", "rename", "set", "show"];

    public static ParseOutcome Parse(string verb, IReadOnlyList<string> editPath, IReadOnlyList<string> words)
    {
        if (verb is "rename" or "move")
        {
            return ParseRenameOrMove(verb, editPath, words);
        }

        IReadOnlyList<string> full = [.. editPath, .. words];
        var walk = ConfigWalk.Run(full, withValues: verb is "set" or "delete");
        if (walk.Error is { } error)
        {
            return new ParseFailure(error);
        }

        var last = walk.Path.Count > 0 ? walk.Path[^1] : null;
        var endsOnValueNode = last is { Schema.Kind: SchemaKind.Leaf or SchemaKind.MemberList };
        switch (verb)
        {
            case "set" when last is { Schema.IsInteractive: true } && walk.Assignments.Count == 0 && UserOf(walk.Path) is { } user:
                return new ParsedCommand(new SetUserPasswordCommand(user));
            case "set" when words.Count == 0 || (endsOnValueNode && walk.Assignments.Count == 0) || last is { Schema.Kind: SchemaKind.EntryList, EntryName: null }:
                return new ParseFailure(Messages.InvalidSyntax);
            case "set":
                return new ParsedCommand(new ConfigSetCommand(walk.Path, walk.Assignments));
            case "delete" when words.Count == 0:
                return new ParseFailure(Messages.InvalidSyntax);
            case "delete":
                return new ParsedCommand(new ConfigDeleteCommand(walk.Path, walk.Assignments));
            case "edit" when words.Count == 0 || endsOnValueNode || last is { Schema.Kind: SchemaKind.EntryList, EntryName: null }:
                return new ParseFailure(Messages.InvalidSyntax);
            case "edit":
                return new ParsedCommand(new ConfigEditCommand(walk.Path));
            default:
                return new ParsedCommand(new ConfigShowCommand(walk.Path));
        }
    }

    private static ParseOutcome ParseRenameOrMove(string verb, IReadOnlyList<string> editPath, IReadOnlyList<string> words)
    {
        // The path ends at an entry; then `to <name>`, or `top`, `bottom`, `before <name>`, `after <name>`.
        var tail = verb == "rename" || (words.Count >= 2 && words[^2] is "before" or "after") ? 2 : 1;
        if (words.Count <= tail)
        {
            return new ParseFailure(Messages.InvalidSyntax);
        }

        var walk = ConfigWalk.Run([.. editPath, .. words.Take(words.Count - tail)], withValues: false);
        if (walk.Error is { } error)
        {
            return new ParseFailure(error);
        }

        if (walk.Path.Count == 0 || walk.Path[^1] is not { EntryName: not null } entry)
        {
            return new ParseFailure(Messages.InvalidSyntax);
        }

        if (verb == "rename")
        {
            if (words[^2] != "to")
            {
                return new ParseFailure(Messages.InvalidSyntax);
            }

            return entry.Schema.Validate?.Invoke(words[^1]) is { } bad
                ? new ParseFailure(bad + "\n\n" + Messages.InvalidSyntax)
                : new ParsedCommand(new ConfigRenameCommand(walk.Path, words[^1]));
        }

        // `before` and `after` need the entry they refer to; without it they are no more valid than any other word.
        var where = tail == 2 ? words[^2] : words[^1];
        return tail == 2 || where is "top" or "bottom"
            ? new ParsedCommand(new ConfigMoveCommand(walk.Path, where, tail == 2 ? words[^1] : null))
            : new ParseFailure(Messages.InvalidSyntax);
    }

    // `mgt-config users <name> password`: the user is the entry name of the `users` step.
    private static string? UserOf(IReadOnlyList<ConfigStep> path) =>
        path.Count >= 2 && path[^2] is { Schema.Name: "users", EntryName: { } name } ? name : null;
}
