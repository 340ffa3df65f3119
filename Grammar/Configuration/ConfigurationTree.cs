using Pidgin;
using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Engine.Configuration;
using VirtualFirewall.Grammar.Help;
using static VirtualFirewall.Grammar.Help.Node;

namespace VirtualFirewall.Grammar.Configuration;

/// <summary>
/// The configuration-mode (`#`) command tree. `commit` accepts the forms netmiko builds
/// (client-contracts.md C11): `commit [description "text"] [force] [partial &lt;words&gt; excluded]`.
/// `run` reaches every operational command except the ones that change mode or end the login.
/// </summary>
public static class ConfigurationTree
{
    // netmiko writes at most a vsys name and two part names before `excluded`.
    private const int MaxPartialWords = 4;

    private static readonly Parser<char, object> PartialWord =
        Parser<char>.Token(c => !char.IsWhiteSpace(c)).AtLeastOnceString()
            .Where(word => !string.Equals(word, "excluded", StringComparison.Ordinal))
            .Select(word => (object)new PartialPart(word));

    private static readonly Parser<char, object> DescriptionText =
        Parser<char>.Any.ManyString().Select(text => (object)new CommitDescription(text));

    // A plain file name in the device's configuration directory: no paths.
    private static readonly Parser<char, object> FileName =
        Parser<char>.Token(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_').AtLeastOnceString()
            .Where(name => name[0] != '.' && name.Length <= 255)
            .Before(Parser<char>.End)
            .Select(name => (object)name);

    private static readonly HashSet<string> NotRunnable = new(StringComparer.Ordinal) { "configure", "exit", "quit" };

    public static CommandNode Root { get; } = Root(
        CommitNode(),
        Keyword("delete", "Delete a configuration element", SchemaNodes.For(ConfigSchema.Root, withValues: false, leaves: true)),
        Keyword("edit", "Move to a level of the configuration", SchemaNodes.For(ConfigSchema.Root, withValues: false, leaves: false)),
        Command("exit", "Exit from the current level, or from configuration mode at the top", () => new ExitConfigurationCommand()),
        Keyword("load", "Load configuration", Keyword("config", "Load a configuration file", Keyword("from", "Load from a saved file", new CommandNode("<value>", "File name", [], FileName, v => new LoadConfigCommand((string)v[0]))))),
        Keyword("move", "Move a rule or entry", SchemaNodes.For(ConfigSchema.Root, withValues: false, leaves: false)),
        Command("quit", "Exit from configuration mode", () => new ExitConfigurationCommand(Quit: true)),
        Keyword("rename", "Rename an entry", SchemaNodes.For(ConfigSchema.Root, withValues: false, leaves: false)),
        Keyword("revert", "Revert changes", Command("config", "Throw away the changes not committed", () => new RevertConfigCommand())),
        Keyword("run", "Run an operational-mode command", [.. CommandTree.Operational.Children.Where(c => !NotRunnable.Contains(c.Name))]),
        Keyword("save", "Save configuration", Keyword("config", "Save the candidate configuration", Keyword("to", "Save to a file", new CommandNode("<value>", "File name", [], FileName, v => new SaveConfigCommand((string)v[0]))))),
        Keyword("set", "Set a configuration value", SchemaNodes.For(ConfigSchema.Root, withValues: true, leaves: true)),
        CommandWith("show", "Show the candidate configuration", _ => new ConfigShowCommand([]), SchemaNodes.For(ConfigSchema.Root, withValues: false, leaves: true)),
        Command("top", "Move to the top of the configuration", () => new ConfigUpCommand(ToTop: true)),
        Command("up", "Move up one level", () => new ConfigUpCommand(ToTop: false)),
        Keyword("validate", "Validate the candidate configuration", Command("full", "Full validation, as a commit would do", () => new ValidateCommand())));

    private static CommandNode CommitNode() =>
        CommandWith(
            "commit",
            "Commit candidate configuration",
            v => Build(v, force: false),
            new CommandNode(
                "description",
                "Commit description",
                [new CommandNode("<value>", "Commit description", [Force(), Partial(force: false)], DescriptionText, v => Build(v, force: false))]),
            Force(),
            Partial(force: false));

    private static CommandNode Force() =>
        CommandWith("force", "Force commit command to be executed even if there are no changes", v => Build(v, force: true), Partial(force: true));

    private static CommandNode Partial(bool force) =>
        Keyword("partial", "Commit only part of the candidate configuration", PartialWords(force, MaxPartialWords));

    private static CommandNode PartialWords(bool force, int depth) =>
        new(
            "<value>",
            "Part of the configuration to leave out, or a virtual system",
            [
                CommandWith("excluded", "Leave the named parts out of this commit", v => Build(v, force)),
                .. depth > 1 ? new[] { PartialWords(force, depth - 1) } : [],
            ],
            PartialWord);

    private static CommitCommand Build(IReadOnlyList<object> values, bool force)
    {
        var description = values.OfType<CommitDescription>().Select(d => d.Text).FirstOrDefault();
        var parts = values.OfType<PartialPart>().Select(p => p.Word).ToList();
        return new CommitCommand(description, force, parts.Count == 0 ? null : parts);
    }

    private sealed record CommitDescription(string Text);

    private sealed record PartialPart(string Word);
}
