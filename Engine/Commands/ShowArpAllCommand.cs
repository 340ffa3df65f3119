namespace VirtualFirewall.Engine.Commands;

/// <summary>`show arp all`</summary>
public sealed record ShowArpAllCommand : Command;
