using System.Net;
using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Grammar.Help;
using VirtualFirewall.Grammar.Primitives;
using static VirtualFirewall.Grammar.Help.Node;

namespace VirtualFirewall.Grammar.Sessions;

/// <summary>
/// The `filter` options of `show session all` and `clear session all`, in any order, each once. Names
/// and help texts follow the PAN-OS 4.x/5.0 listing in panos-cli-gaps.md §4.1; `count`, `start-at`
/// and the user options come from later releases.
/// </summary>
internal static class SessionFilterGrammar
{
    public static CommandNode[] Options(bool withCount) =>
    [
        Option("application", "Application name", Values.Word),
        .. withCount ? new[] { Option("count", "Only print the number of sessions that match", Values.Choice("yes", "no")) } : [],
        Option("destination", "destination IP address", Values.Ipv4Address),
        Option("destination-port", "Destination port", Values.IntegerInRange(0, 65535)),
        Option("destination-user", "Destination user", Values.Word),
        Option("from", "From zone", Values.Word),
        Option("nat-rule", "NAT rule name", Values.Word),
        Option("pbf-rule", "PBF rule name", Values.Word),
        Option("protocol", "IP protocol value", Values.IntegerInRange(1, 255)),
        Option("rule", "Rule name", Values.Word),
        Option("source", "source IP address", Values.Ipv4Address),
        Option("source-port", "Source port", Values.IntegerInRange(0, 65535)),
        Option("source-user", "Source user", Values.Word),
        Option("start-at", "Show sessions starting at this session id", Values.UnsignedInRange(1, uint.MaxValue)),
        Option("state", "flow state", Values.Choice("active", "closed", "closing", "discard", "initial", "opening")),
        Option("to", "To zone", Values.Word),
        Option("type", "flow type", Values.Choice("flow", "predict")),
    ];

    /// <summary>The filter and whether only a count was asked for, from the option values the parser collected.</summary>
    public static (SessionFilter Filter, bool CountOnly) Build(IReadOnlyList<object> values)
    {
        var filter = SessionFilter.All;
        var countOnly = false;
        foreach (var item in values)
        {
            if (item is not KeyValuePair<string, object> option)
            {
                continue;
            }

            var value = option.Value;
            filter = option.Key switch
            {
                "application" => filter with { Application = (string)value },
                "destination" => filter with { Destination = (IPAddress)value },
                "destination-port" => filter with { DestinationPort = (int)value },
                "destination-user" => filter with { DestinationUser = (string)value },
                "from" => filter with { From = (string)value },
                "nat-rule" => filter with { NatRule = (string)value },
                "pbf-rule" => filter with { PbfRule = (string)value },
                "protocol" => filter with { Protocol = (int)value },
                "rule" => filter with { Rule = (string)value },
                "source" => filter with { Source = (IPAddress)value },
                "source-port" => filter with { SourcePort = (int)value },
                "source-user" => filter with { SourceUser = (string)value },
                "start-at" => filter with { StartAt = (uint)(long)value },
                "state" => filter with { State = State((string)value) },
                "to" => filter with { To = (string)value },
                "type" => filter with { Type = string.Equals((string)value, "flow", StringComparison.Ordinal) ? SessionType.Flow : SessionType.Predict },
                _ => filter,
            };
            if (string.Equals(option.Key, "count", StringComparison.Ordinal))
            {
                countOnly = string.Equals((string)value, "yes", StringComparison.Ordinal);
            }
        }

        return (filter, countOnly);
    }

    private static SessionState State(string name) => name switch
    {
        "active" => SessionState.Active,
        "closed" => SessionState.Closed,
        "closing" => SessionState.Closing,
        "discard" => SessionState.Discard,
        "opening" => SessionState.Opening,
        _ => SessionState.Init,
    };
}
