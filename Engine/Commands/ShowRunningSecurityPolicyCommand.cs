namespace VirtualFirewall.Engine.Commands;

/// <summary>`show running security-policy`</summary>
public sealed record ShowRunningSecurityPolicyCommand : Command;
