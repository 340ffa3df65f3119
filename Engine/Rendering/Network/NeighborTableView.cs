namespace VirtualFirewall.Engine.Rendering.Network;

/// <summary>The header figures of `show arp all` and `show mac all`, and the rows shown.</summary>
public sealed record NeighborTableView<TEntry>(int MaximumEntries, int TimeoutSeconds, int InTable, IReadOnlyList<TEntry> Shown)
{
    /// <summary>The `total ... entries shown` figure; the rows' count unless a sample says otherwise.</summary>
    public int ShownCount { get; init; } = Shown.Count;
}
