namespace VirtualFirewall.Engine.Commands;

/// <summary>`show running nat-policy`</summary>
public sealed record ShowRunningNatPolicyCommand : Command;
