namespace VirtualFirewall.Engine.Policy;

/// <summary>What a security rule's `service` says: any port, the applications' default ports, or listed services.</summary>
public enum ServiceKind
{
    Any,
    ApplicationDefault,
    Listed,
}
