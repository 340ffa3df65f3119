namespace VirtualFirewall.Engine.Network;

/// <summary>One row of `show mac all`: an address learnt on a layer 2 VLAN.</summary>
public sealed record MacEntry(string Vlan, string Mac, string Interface)
{
    /// <summary>`s` static, `c` complete, `i` incomplete.</summary>
    public string Status { get; init; } = "c";

    public int Ttl { get; init; }
}
