namespace VirtualFirewall.Engine.Commands;

/// <summary>`show mac all`</summary>
public sealed record ShowMacAllCommand : Command;
