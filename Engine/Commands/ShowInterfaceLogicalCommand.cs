namespace VirtualFirewall.Engine.Commands;

/// <summary>`show interface logical`</summary>
public sealed record ShowInterfaceLogicalCommand : Command;
