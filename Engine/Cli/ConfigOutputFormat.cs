namespace VirtualFirewall.Engine.Cli;

/// <summary>How configuration-mode `show` prints (`set cli config-output-format`).</summary>
public enum ConfigOutputFormat
{
    Default,
    Json,
    Set,
    Xml,
}
