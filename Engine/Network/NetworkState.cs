namespace VirtualFirewall.Engine.Network;

/// <summary>
/// The device's network state behind the network show commands. Interfaces are kept by name and
/// replaced as whole records (configuration will drive them); the tables are replaced as a whole.
/// Callers hold the device lock.
/// </summary>
public sealed class NetworkState
{
    private readonly List<HardwareInterface> _hardware = [];
    private readonly List<LogicalInterface> _logical = [];

    public IReadOnlyList<HardwareInterface> Hardware => _hardware;

    public IReadOnlyList<LogicalInterface> Logical => _logical;

    public IReadOnlyList<AggregateGroup> AggregateGroups { get; set; } = [];

    public ManagementInterface Management { get; set; } = new();

    public IReadOnlyList<VirtualRouter> VirtualRouters { get; set; } = [new VirtualRouter("default", 1)];

    public IReadOnlyList<Route> Routes { get; set; } = [];

    public IReadOnlyList<ArpEntry> Arp { get; set; } = [];

    public IReadOnlyList<MacEntry> Mac { get; set; } = [];

    public IReadOnlyList<LldpNeighbor> LldpNeighbors { get; set; } = [];

    public IReadOnlyList<License> Licenses { get; set; } = [];

    public HighAvailabilitySettings HighAvailability { get; set; } = new();

    public HardwareInterface? FindHardware(string name) => _hardware.Find(i => string.Equals(i.Name, name, StringComparison.Ordinal));

    public LogicalInterface? FindLogical(string name) => _logical.Find(i => string.Equals(i.Name, name, StringComparison.Ordinal));

    /// <summary>Replaces the interface of the same name in place, or appends a new one.</summary>
    public void SetHardware(HardwareInterface item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Upsert(_hardware, item, item.Name, i => i.Name);
    }

    /// <summary>Replaces the interface of the same name in place, or appends a new one.</summary>
    public void SetLogical(LogicalInterface item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Upsert(_logical, item, item.Name, i => i.Name);
    }

    public bool RemoveHardware(string name) => _hardware.RemoveAll(i => string.Equals(i.Name, name, StringComparison.Ordinal)) > 0;

    public bool RemoveLogical(string name) => _logical.RemoveAll(i => string.Equals(i.Name, name, StringComparison.Ordinal)) > 0;

    private static void Upsert<T>(List<T> items, T item, string name, Func<T, string> nameOf)
    {
        var index = items.FindIndex(i => string.Equals(nameOf(i), name, StringComparison.Ordinal));
        if (index >= 0)
        {
            items[index] = item;
        }
        else
        {
            items.Add(item);
        }
    }
}
