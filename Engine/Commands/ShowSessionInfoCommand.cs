namespace VirtualFirewall.Engine.Commands;

/// <summary>`show session info`</summary>
public sealed record ShowSessionInfoCommand : Command;
