namespace VirtualFirewall.Engine.Commands;

/// <summary>`show interface all`</summary>
public sealed record ShowInterfaceAllCommand : Command;
