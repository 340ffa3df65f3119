namespace VirtualFirewall.Engine.Policy;

/// <summary>A NAT rule compiled from the running configuration, with addresses resolved and its translation described.</summary>
public sealed record NatRule
{
    public required string Name { get; init; }

    /// <summary>The rule's place in the NAT rulebase, from 1.</summary>
    public required int Index { get; init; }

    public IReadOnlyList<string> From { get; init; } = ["any"];
    public IReadOnlyList<string> To { get; init; } = ["any"];
    public AddressSet Source { get; init; } = AddressSet.Any;
    public AddressSet Destination { get; init; } = AddressSet.Any;

    /// <summary>The egress interface, or empty for any.</summary>
    public string ToInterface { get; init; } = string.Empty;

    /// <summary>The service's ports; `any/any/any` when the rule takes any service.</summary>
    public IReadOnlyList<ServiceEntry> Service { get; init; } = [ServiceEntry.AnyProtocol];

    /// <summary>`src: ethernet1/1 203.0.113.1 (dynamic-ip-and-port) (pool idx: 1)`, `dst: 192.168.50.10`, or both.</summary>
    public string TranslateTo { get; init; } = string.Empty;

    public bool Disabled { get; init; }
}
