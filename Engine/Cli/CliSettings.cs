namespace VirtualFirewall.Engine.Cli;

/// <summary>The `set cli ...` settings of one login session; PAN-OS keeps them per session, not per device.</summary>
public sealed class CliSettings
{
    public const int DefaultWidth = 80;
    public const int DefaultHeight = 24;

    public bool Pager { get; set; } = true;
    public bool ScriptingMode { get; set; }
    public int TerminalWidth { get; set; } = DefaultWidth;
    public int TerminalHeight { get; set; } = DefaultHeight;
    public ConfigOutputFormat ConfigOutputFormat { get; set; }
}
