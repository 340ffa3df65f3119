namespace VirtualFirewall.Engine.Commands;

/// <summary>`show interface hardware`</summary>
public sealed record ShowInterfaceHardwareCommand : Command;
