namespace VirtualFirewall.Engine.Commands;

/// <summary>`show high-availability all`</summary>
public sealed record ShowHighAvailabilityAllCommand : Command;
