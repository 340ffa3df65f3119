namespace VirtualFirewall.Engine.Commands;

/// <summary>`exit`, `quit`: leave the CLI</summary>
public sealed record ExitCommand : Command;
