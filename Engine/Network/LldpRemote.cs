namespace VirtualFirewall.Engine.Network;

/// <summary>
/// What an LLDP neighbour advertised. Empty texts print the label alone (`System name:`);
/// <see cref="SystemDescription"/> may hold line breaks, printed as they are.
/// </summary>
public sealed record LldpRemote(string ChassisId, string PortId)
{
    public string ChassisType { get; init; } = "MAC address";

    public string PortType { get; init; } = "Interface name";

    public string PortDescription { get; init; } = string.Empty;

    public int Ttl { get; init; } = 120;

    public string SystemName { get; init; } = string.Empty;

    public string SystemDescription { get; init; } = string.Empty;

    /// <summary>Capability letters as printed, each followed by a comma (`B, R,`).</summary>
    public string SupportedCapabilities { get; init; } = string.Empty;

    public string EnabledCapabilities { get; init; } = string.Empty;

    /// <summary>The advertised management address; null when the neighbour sends none.</summary>
    public LldpManagementAddress? Management { get; init; }
}
