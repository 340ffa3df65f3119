namespace VirtualFirewall.Engine.Network;

/// <summary>The management address block of an LLDP neighbour.</summary>
public sealed record LldpManagementAddress(string Address)
{
    public string AddressType { get; init; } = "ipv4";

    public long InterfaceNumber { get; init; }

    public string InterfaceType { get; init; } = "Ifindex";

    public string Oid { get; init; } = string.Empty;
}
