namespace VirtualFirewall.Engine.Sessions;

/// <summary>
/// The ids of the live sessions in ascending order, for scans that stream without copying the
/// table. Ids mostly increase, so an insert is usually an append; a freed id stays as a tombstone
/// (skipped by readers, reused if the id comes back) until tombstones outnumber the live ids and
/// one compaction drops them all.
/// </summary>
internal sealed class SessionIdOrder(Func<uint, bool> isLive)
{
    private const int CompactionFloor = 1024;

    private readonly List<uint> _ids = [];

    /// <summary>Slots in the list, tombstones included.</summary>
    public int Slots => _ids.Count;

    public int Tombstones { get; private set; }

    public uint this[int slot] => _ids[slot];

    public void Add(uint id)
    {
        if (_ids.Count == 0 || id > _ids[^1])
        {
            _ids.Add(id);
            return;
        }

        var slot = _ids.BinarySearch(id);
        if (slot >= 0)
        {
            Tombstones--;
            return;
        }

        _ids.Insert(~slot, id);
    }

    public void Remove()
    {
        Tombstones++;
        if (Tombstones > CompactionFloor && Tombstones > _ids.Count / 2)
        {
            _ids.RemoveAll(id => !isLive(id));
            Tombstones = 0;
        }
    }

    /// <summary>The first slot whose id is at least <paramref name="id"/>.</summary>
    public int LowerBound(uint id)
    {
        var slot = _ids.BinarySearch(id);
        return slot >= 0 ? slot : ~slot;
    }
}
