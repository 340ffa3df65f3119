namespace VirtualFirewall.Engine.Network;

/// <summary>
/// The HA pair a device belongs to when its identity has an HA state: group, election settings,
/// the peer's addresses and the links between the two. Timers not listed here are PAN-OS defaults.
/// </summary>
public sealed record HighAvailabilitySettings
{
    public int GroupId { get; init; } = 1;

    public int LocalPriority { get; init; } = 100;

    public int PeerPriority { get; init; } = 110;

    public bool Preemptive { get; init; }

    public string PeerManagementAddress { get; init; } = "192.168.1.2";

    /// <summary>The peer's management MAC, which is also its HA1 MAC (HA1 runs over the management port).</summary>
    public string PeerManagementMac { get; init; } = "52:54:00:12:34:02";

    public string Ha2Interface { get; init; } = "ethernet1/4";

    public string Ha2Address { get; init; } = "10.255.2.1/30";

    public string PeerHa2Address { get; init; } = "10.255.2.2";

    public string PeerHa2Mac { get; init; } = "ba:db:ee:fb:ae:13";

    /// <summary>Interfaces watched by the link monitoring group.</summary>
    public IReadOnlyList<string> MonitoredInterfaces { get; init; } = ["ethernet1/1", "ethernet1/2"];
}
