using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Grammar.Primitives;
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
        Command("exit", "Exit this session", () => new ExitCommand()),
        Command("quit", "Exit this session", () => new ExitCommand()),
        Keyword(
            "set",
            "Set operational parameters",
            Keyword(
                "cli",
                "Set CLI session parameters",
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
            Command("clock", "Show current time on the management server", () => new ShowClockCommand()),
            Keyword(
                "system",
                "Show system information",
                Command("info", "Show system information", () => new ShowSystemInfoCommand()))));
}
