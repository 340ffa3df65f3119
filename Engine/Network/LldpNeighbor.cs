namespace VirtualFirewall.Engine.Network;

/// <summary>
/// One local port of `show lldp neighbors all`, with what its neighbour advertised; a port that
/// runs LLDP but has heard nobody has a null <see cref="Remote"/>.
/// </summary>
public sealed record LldpNeighbor(string LocalInterface, int Index, string LocalPortId)
{
    public LldpRemote? Remote { get; init; }
}
