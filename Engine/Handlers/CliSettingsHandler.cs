using VirtualFirewall.Engine.Cli;
using VirtualFirewall.Engine.Commands;

namespace VirtualFirewall.Engine.Handlers;

/// <summary>`set cli ...`: silent on success (panos-cli-gaps.md §5.3), the prompt comes straight back.</summary>
internal static class CliSettingsHandler
{
    public static CommandResult SetPager(CliSession session, SetCliPagerCommand command)
    {
        session.Settings.Pager = command.On;
        return CommandResult.Silent;
    }

    public static CommandResult SetScriptingMode(CliSession session, SetCliScriptingModeCommand command)
    {
        session.Settings.ScriptingMode = command.On;
        return CommandResult.Silent;
    }

    public static CommandResult SetWidth(CliSession session, SetCliTerminalWidthCommand command)
    {
        session.Settings.TerminalWidth = command.Columns;
        return CommandResult.Silent;
    }

    public static CommandResult SetHeight(CliSession session, SetCliTerminalHeightCommand command)
    {
        session.Settings.TerminalHeight = command.Rows;
        return CommandResult.Silent;
    }
}
