using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Grammar.Help;
using static VirtualFirewall.Grammar.Help.Node;

namespace VirtualFirewall.Grammar.Counters;

/// <summary>
/// `global` under `show counter`: alone, or with `filter` options `delta yes|no` and
/// `severity info|warn|drop|error`, in any order, each once. The help texts are not from a capture.
/// </summary>
internal static class CounterGrammar
{
    public static CommandNode Node() =>
        CommandWith(
            "global",
            "Show global counters",
            _ => new ShowCounterGlobalCommand(),
            OptionSet(
                "filter",
                "Show counters that match a filter",
                Build,
                ChoiceOption("delta", "Show only the change since the last delta sampling", "yes", "no"),
                ChoiceOption("severity", "Show counters of this severity", "info", "warn", "drop", "error")));

    /// <summary>The command from the option values the parser collected.</summary>
    public static ShowCounterGlobalCommand Build(IReadOnlyList<object> values)
    {
        var delta = false;
        string? severity = null;
        foreach (var item in values)
        {
            if (item is not KeyValuePair<string, object> option)
            {
                continue;
            }

            switch (option.Key)
            {
                case "delta":
                    delta = string.Equals((string)option.Value, "yes", StringComparison.Ordinal);
                    break;
                case "severity":
                    severity = (string)option.Value;
                    break;
                default:
                    break;
            }
        }

        return new ShowCounterGlobalCommand(delta, severity);
    }
}
