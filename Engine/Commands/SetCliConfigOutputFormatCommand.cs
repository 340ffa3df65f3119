using VirtualFirewall.Engine.Cli;

namespace VirtualFirewall.Engine.Commands;

/// <summary>`set cli config-output-format default|json|set|xml`.</summary>
public sealed record SetCliConfigOutputFormatCommand(ConfigOutputFormat Format) : Command;
