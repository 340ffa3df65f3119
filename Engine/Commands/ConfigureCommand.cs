namespace VirtualFirewall.Engine.Commands;

/// <summary>`configure`: enter configuration mode.</summary>
public sealed record ConfigureCommand : Command;
