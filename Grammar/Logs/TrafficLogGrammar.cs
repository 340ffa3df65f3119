using Pidgin;
using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Engine.Logs;
using VirtualFirewall.Grammar.Help;
using VirtualFirewall.Grammar.Primitives;
using static VirtualFirewall.Grammar.Help.Node;

namespace VirtualFirewall.Grammar.Logs;

/// <summary>
/// `show log traffic [direction equal forward|backward] [show-tracker equal yes|no] [query equal "..."]
/// [count equal n]`, options in any order, each once (session-tracker KB example; issue 4).
/// The value descriptions shown by `?` are not from a capture.
/// </summary>
internal static class TrafficLogGrammar
{
    public static CommandNode Node() =>
        OptionSet(
            "traffic",
            "Show traffic logs",
            Build,
            EqualOption("count", "Number of logs to show", Values.IntegerInRange(1, 5000), "<1-5000> Number of logs"),
            EqualChoiceOption("direction", "Order of the logs (backward: newest first)", "backward", "forward"),
            EqualOption("query", "Filter, such as \"(addr.src in 10.0.0.0/8) and (app eq ssl)\"", Query, "Log filter expression, in double quotes"),
            EqualChoiceOption("show-tracker", "Show the session tracker stage", "no", "yes"));

    // A query that does not parse fails the whole line with `Invalid syntax.`.
    private static readonly Parser<char, object> Query =
        Parser<char>.Any.ManyString()
            .Select(text => TrafficLogQuery.TryParse(text, out var query) ? query : null)
            .Assert(query => query is not null, "not a log filter")
            .Select(query => (object)query!);

    private static ShowLogTrafficCommand Build(IReadOnlyList<object> values)
    {
        var command = new ShowLogTrafficCommand();
        foreach (var item in values)
        {
            if (item is not KeyValuePair<string, object> option)
            {
                continue;
            }

            command = option.Key switch
            {
                "count" => command with { Count = (int)option.Value },
                "direction" => command with { Backward = string.Equals((string)option.Value, "backward", StringComparison.Ordinal) },
                "query" => command with { Query = (TrafficLogQuery)option.Value },
                "show-tracker" => command with { ShowTracker = string.Equals((string)option.Value, "yes", StringComparison.Ordinal) },
                _ => command,
            };
        }

        return command;
    }
}
