namespace VirtualFirewall.Engine.Cli;

/// <summary>The CLI's two modes: operational (`>`) and configuration (`#`).</summary>
public enum CliMode
{
    Operational,
    Configuration,
}
