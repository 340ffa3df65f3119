namespace VirtualFirewall.Engine.Commands;

/// <summary>`exit` or `quit` in configuration mode: back to operational mode.</summary>
public sealed record ExitConfigurationCommand : Command;
