using System.Net;
using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Grammar.Help;
using VirtualFirewall.Grammar.Primitives;
using static VirtualFirewall.Grammar.Help.Node;

namespace VirtualFirewall.Grammar.Sessions;

/// <summary>
/// The `filter` options of `show session all` and `clear session all`, in any order, each once. Names
/// and help texts follow the PAN-OS 4.x/5.0 listing in panos-cli-gaps.md §4.1; `count`, `start-at`
/// and the user options come from later releases. The value descriptions shown by `?` after an
/// option (`&lt;ip&gt; Source IP address`) are not from a capture: they follow the tree's
/// `&lt;range&gt; Description` style and describe exactly what the value parser accepts.
/// </summary>
internal static class SessionFilterGrammar
{
    public static CommandNode[] Options(bool withCount) =>
    [
        Option("application", "Application name", Values.Word, "Application name"),
        .. withCount ? new[] { ChoiceOption("count", "Only print the number of sessions that match", "yes", "no") } : [],
        Option("destination", "destination IP address", Values.Ipv4Address, "<ip> Destination IP address"),
        Option("destination-port", "Destination port", Values.IntegerInRange(0, 65535), "<0-65535> Destination port"),
        Option("destination-user", "Destination user", Values.Word, "Destination user name"),
        Option("from", "From zone", Values.Word, "Zone name"),
        Option("nat-rule", "NAT rule name", Values.Word, "NAT rule name"),
        Option("pbf-rule", "PBF rule name", Values.Word, "PBF rule name"),
        Option("protocol", "IP protocol value", Values.IntegerInRange(1, 255), "<1-255> IP protocol number"),
        Option("rule", "Rule name", Values.Word, "Security rule name"),
        Option("source", "source IP address", Values.Ipv4Address, "<ip> Source IP address"),
        Option("source-port", "Source port", Values.IntegerInRange(0, 65535), "<0-65535> Source port"),
        Option("source-user", "Source user", Values.Word, "Source user name"),
        Option("start-at", "Show sessions starting at this session id", Values.UnsignedInRange(1, uint.MaxValue), "<1-4294967295> Session id"),
        ChoiceOption("state", "flow state", "active", "closed", "closing", "discard", "initial", "opening"),
        Option("to", "To zone", Values.Word, "Zone name"),
        ChoiceOption("type", "flow type", "flow", "predict"),
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
