namespace VirtualFirewall.Engine.Commands;

/// <summary>`show lldp neighbors all`</summary>
public sealed record ShowLldpNeighborsAllCommand : Command;
