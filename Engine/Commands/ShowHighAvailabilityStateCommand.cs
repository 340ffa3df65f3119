namespace VirtualFirewall.Engine.Commands;

/// <summary>`show high-availability state`</summary>
public sealed record ShowHighAvailabilityStateCommand : Command;
