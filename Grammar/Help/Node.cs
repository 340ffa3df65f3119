using Pidgin;
using VirtualFirewall.Engine.Commands;

namespace VirtualFirewall.Grammar.Help;

/// <summary>Short constructors that keep the command tree declarative.</summary>
internal static class Node
{
    public static CommandNode Keyword(string name, string help, params CommandNode[] children) =>
        new(name, help, children);

    public static CommandNode Command(string name, string help, Func<Command> build) =>
        new(name, help, [], build: _ => build());

    public static CommandNode Value(string name, string help, Parser<char, object> parser, Func<IReadOnlyList<object>, Command> build) =>
        new(name, help, [], parser, build);

    public static CommandNode Root(params CommandNode[] children) => new(string.Empty, string.Empty, children);
}
