namespace VirtualFirewall.Engine.Commands;

/// <summary>`show clock`</summary>
public sealed record ShowClockCommand : Command;
