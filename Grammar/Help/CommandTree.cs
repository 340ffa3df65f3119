using System.Net;
using VirtualFirewall.Engine.Cli;
using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Grammar.Counters;
using VirtualFirewall.Grammar.Logs;
using VirtualFirewall.Grammar.Primitives;
using VirtualFirewall.Grammar.Sessions;
using static VirtualFirewall.Grammar.Help.Node;

namespace VirtualFirewall.Grammar.Help;

/// <summary>
/// The single declarative tree of operational-mode commands. Help texts are written in PAN-OS's
/// style; no verbatim op-mode listing of these nodes exists in the reference (panos-cli-gaps.md §4).
/// </summary>
public static class CommandTree
{
    // netmiko sends `set cli terminal width 500` and scripts send 999 (research note in issue 2):
    // the bounds here admit every value seen in use.
    public const int MinTerminalSize = 1;
    public const int MaxTerminalSize = 9999;

    public static CommandNode Operational { get; } = Root(
        Keyword(
            "clear",
            "Clear runtime parameters",
            Keyword(
                "session",
                "Clear active sessions",
                CommandWith(
                    "all",
                    "Clear all sessions",
                    _ => new ClearSessionAllCommand(SessionFilter.All),
                    OptionSet("filter", "Clear sessions that match a filter", v => new ClearSessionAllCommand(SessionFilterGrammar.Build(v).Filter), SessionFilterGrammar.Options(withCount: false))),
                Keyword(
                    "id",
                    "Clear a session by id",
                    Value("<value>", "<1-4294967295> Session id", Values.UnsignedInRange(1, uint.MaxValue), v => new ClearSessionIdCommand((uint)(long)v[0]))))),
        Command("configure", "Manipulate software configuration information", () => new ConfigureCommand()),
        Command("exit", "Exit this session", () => new ExitCommand()),
        Command("quit", "Exit this session", () => new ExitCommand()),
        Keyword(
            "request",
            "Make system-level requests",
            Keyword(
                "license",
                "Perform license operations",
                Command("info", "Display license information", () => new RequestLicenseInfoCommand()))),
        Keyword(
            "set",
            "Set operational parameters",
            Keyword(
                "cli",
                "Set CLI session parameters",
                // The help rows of this node are the verbatim listing in panos-cli-reference.md §2.5.
                Keyword(
                    "config-output-format",
                    "Set the output format of configuration-mode show",
                    Command("default", "default", () => new SetCliConfigOutputFormatCommand(ConfigOutputFormat.Default)),
                    Command("json", "json", () => new SetCliConfigOutputFormatCommand(ConfigOutputFormat.Json)),
                    Command("set", "set", () => new SetCliConfigOutputFormatCommand(ConfigOutputFormat.Set)),
                    Command("xml", "xml", () => new SetCliConfigOutputFormatCommand(ConfigOutputFormat.Xml))),
                Keyword(
                    "pager",
                    "Enable/disable pager",
                    Command("off", "off", () => new SetCliPagerCommand(false)),
                    Command("on", "on", () => new SetCliPagerCommand(true))),
                Keyword(
                    "scripting-mode",
                    "Enable/disable scripting mode",
                    Command("off", "off", () => new SetCliScriptingModeCommand(false)),
                    Command("on", "on", () => new SetCliScriptingModeCommand(true))),
                Keyword(
                    "terminal",
                    "Set terminal parameters",
                    Keyword(
                        "height",
                        "Set terminal height",
                        Value("<value>", $"<{MinTerminalSize}-{MaxTerminalSize}>", Values.IntegerInRange(MinTerminalSize, MaxTerminalSize), v => new SetCliTerminalHeightCommand((int)v[0]))),
                    Keyword(
                        "width",
                        "Set terminal width",
                        Value("<value>", $"<{MinTerminalSize}-{MaxTerminalSize}>", Values.IntegerInRange(MinTerminalSize, MaxTerminalSize), v => new SetCliTerminalWidthCommand((int)v[0])))))),
        Keyword(
            "show",
            "Show operational information",
            Command("admins", "Show administrators logged in", () => new ShowAdminsCommand()),
            Keyword(
                "arp",
                "Show ARP information",
                Command("all", "Show all ARP entries", () => new ShowArpAllCommand())),
            Command("clock", "Show current time on the management server", () => new ShowClockCommand()),
            Keyword(
                "config",
                "Show configuration",
                Command("candidate", "Show the candidate configuration", () => new ShowConfigCommand(Candidate: true)),
                Command("diff", "Show the differences between the running and candidate configurations", () => new ShowConfigDiffCommand()),
                Command("running", "Show the running configuration", () => new ShowConfigCommand(Candidate: false))),
            Keyword("counter", "Show system counters", CounterGrammar.Node()),
            Keyword(
                "high-availability",
                "Show high-availability information",
                Command("all", "Show high-availability summary information", () => new ShowHighAvailabilityAllCommand()),
                Command("state", "Show high-availability state information", () => new ShowHighAvailabilityStateCommand())),
            Keyword(
                "interface",
                "Show interface information",
                Command("all", "Show all interfaces", () => new ShowInterfaceAllCommand()),
                Command("hardware", "Show hardware interfaces", () => new ShowInterfaceHardwareCommand()),
                Command("logical", "Show logical interfaces", () => new ShowInterfaceLogicalCommand()),
                Command("management", "Show management interface", () => new ShowInterfaceManagementCommand())),
            Keyword(
                "jobs",
                "Show job information",
                Command("all", "Show all jobs", () => new ShowJobsAllCommand()),
                Keyword(
                    "id",
                    "Show job with specified id",
                    Value("<value>", "<1-2147483647> Job id", Values.IntegerInRange(1, int.MaxValue), v => new ShowJobsIdCommand((int)v[0])))),
            Keyword(
                "lldp",
                "Show LLDP information",
                Keyword(
                    "neighbors",
                    "Show LLDP neighbor information",
                    Command("all", "Show neighbors of all LLDP interfaces", () => new ShowLldpNeighborsAllCommand()))),
            Keyword(
                "log",
                "Show logs",
                TrafficLogGrammar.Node()),
            Keyword(
                "mac",
                "Show MAC information",
                Command("all", "Show all MAC entries", () => new ShowMacAllCommand())),
            Keyword(
                "routing",
                "Show routing information",
                Command("route", "Show route entries", () => new ShowRoutingRouteCommand())),
            Keyword(
                "running",
                "Show running operational parameters",
                Command("nat-policy", "Show currently deployed NAT policy", () => new ShowRunningNatPolicyCommand()),
                Command("security-policy", "Show currently deployed security policy", () => new ShowRunningSecurityPolicyCommand())),
            Keyword(
                "session",
                "Show session information",
                CommandWith(
                    "all",
                    "Show all sessions",
                    _ => new ShowSessionAllCommand(SessionFilter.All),
                    OptionSet(
                        "filter",
                        "Show sessions that match a filter",
                        v =>
                        {
                            var (filter, countOnly) = SessionFilterGrammar.Build(v);
                            return new ShowSessionAllCommand(filter, countOnly);
                        },
                        SessionFilterGrammar.Options(withCount: true))),
                Keyword(
                    "id",
                    "Show a session by id",
                    Value("<value>", "<1-4294967295> Session id", Values.UnsignedInRange(1, uint.MaxValue), v => new ShowSessionIdCommand((uint)(long)v[0]))),
                Command("info", "Show session table settings and statistics", () => new ShowSessionInfoCommand())),
            Keyword(
                "system",
                "Show system information",
                Command("info", "Show system information", () => new ShowSystemInfoCommand()))),
        Keyword(
            "test",
            "Test the configuration",
            OptionSet(
                "security-policy-match",
                "Test security policy match",
                SecurityPolicyMatch,
                Option("application", "Application name", Values.Word, "Application name"),
                Option("destination", "destination IP address", Values.Ipv4Address, "<ip> Destination IP address"),
                Option("destination-port", "Destination port", Values.IntegerInRange(0, 65535), "<0-65535> Destination port"),
                Option("from", "from zone", Values.Word, "Zone name"),
                Option("protocol", "IP protocol value", Values.IntegerInRange(1, 255), "<1-255> IP protocol number"),
                Option("source", "source IP address", Values.Ipv4Address, "<ip> Source IP address"),
                Option("source-user", "Source User", Values.Word, "Source user name"),
                Option("to", "to zone", Values.Word, "Zone name"))));

    private static TestSecurityPolicyMatchCommand SecurityPolicyMatch(IReadOnlyList<object> values)
    {
        var command = new TestSecurityPolicyMatchCommand();
        foreach (var option in values.OfType<KeyValuePair<string, object>>())
        {
            command = option.Key switch
            {
                "application" => command with { Application = (string)option.Value },
                "destination" => command with { Destination = (IPAddress)option.Value },
                "destination-port" => command with { DestinationPort = (int)option.Value },
                "from" => command with { From = (string)option.Value },
                "protocol" => command with { Protocol = (int)option.Value },
                "source" => command with { Source = (IPAddress)option.Value },
                "source-user" => command with { SourceUser = (string)option.Value },
                _ => command with { To = (string)option.Value },
            };
        }

        return command;
    }
}
