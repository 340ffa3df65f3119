namespace VirtualFirewall.Engine.Commands;

/// <summary>`show config running|candidate`: the whole configuration.</summary>
public sealed record ShowConfigCommand(bool Candidate) : Command;
