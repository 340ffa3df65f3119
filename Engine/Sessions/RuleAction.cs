namespace VirtualFirewall.Engine.Sessions;

/// <summary>The action of the security rule a session matched; the traffic log prints it lower-case.</summary>
public enum RuleAction
{
    Allow,
    Deny,
    Drop,
}
