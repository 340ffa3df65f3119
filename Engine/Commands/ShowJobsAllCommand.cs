namespace VirtualFirewall.Engine.Commands;

/// <summary>`show jobs all`</summary>
public sealed record ShowJobsAllCommand : Command;
