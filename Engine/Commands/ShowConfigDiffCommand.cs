namespace VirtualFirewall.Engine.Commands;

/// <summary>`show config diff`: what a commit would change.</summary>
public sealed record ShowConfigDiffCommand : Command;
