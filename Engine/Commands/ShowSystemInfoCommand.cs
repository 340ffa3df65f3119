namespace VirtualFirewall.Engine.Commands;

/// <summary>`show system info`</summary>
public sealed record ShowSystemInfoCommand : Command;
