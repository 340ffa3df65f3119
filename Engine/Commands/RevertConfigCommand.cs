namespace VirtualFirewall.Engine.Commands;

/// <summary>`revert config`: throw away the uncommitted changes.</summary>
public sealed record RevertConfigCommand : Command;
