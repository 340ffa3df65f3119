using Pidgin;
using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Grammar.Primitives;

namespace VirtualFirewall.Grammar.Help;

/// <summary>Short constructors that keep the command tree declarative.</summary>
internal static class Node
{
    public static CommandNode Keyword(string name, string help, params CommandNode[] children) =>
        new(name, help, children);

    public static CommandNode Command(string name, string help, Func<Command> build) =>
        new(name, help, [], build: _ => build());

    /// <summary>A keyword that completes a command and may also be followed by more words.</summary>
    public static CommandNode CommandWith(string name, string help, Func<IReadOnlyList<object>, Command> build, params CommandNode[] children) =>
        new(name, help, children, build: build);

    public static CommandNode Value(string name, string help, Parser<char, object> parser, Func<IReadOnlyList<object>, Command> build) =>
        new(name, help, [], parser, build);

    /// <summary>Options in any order, each once, then Enter; Build gets `KeyValuePair&lt;string, object&gt;` values.</summary>
    public static CommandNode OptionSet(string name, string help, Func<IReadOnlyList<object>, Command> build, params CommandNode[] options) =>
        new(name, help, options, build: build, isOptionSet: true);

    /// <summary>An option keyword followed by its value; <paramref name="valueHelp"/> describes the value in `?` help.</summary>
    public static CommandNode Option(string name, string help, Parser<char, object> value, string? valueHelp = null) =>
        new(name, help, [], optionValue: value, valueHelp: valueHelp);

    /// <summary>An option written `name equal value`, as the `show log` options are.</summary>
    public static CommandNode EqualOption(string name, string help, Parser<char, object> value, string? valueHelp = null) =>
        new(name, help, [], optionValue: value, optionOperator: "equal", valueHelp: valueHelp);

    /// <summary>An option whose value is one of fixed words; `?` lists each word as its own row.</summary>
    public static CommandNode ChoiceOption(string name, string help, params string[] choices) =>
        new(name, help, [], optionValue: Values.Choice(choices), choices: [.. choices]);

    /// <summary>An option written `name equal word`, the word one of fixed choices.</summary>
    public static CommandNode EqualChoiceOption(string name, string help, params string[] choices) =>
        new(name, help, [], optionValue: Values.Choice(choices), optionOperator: "equal", choices: [.. choices]);

    public static CommandNode Root(params CommandNode[] children) => new(string.Empty, string.Empty, children);
}
