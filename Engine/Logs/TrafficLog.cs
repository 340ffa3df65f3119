using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Engine.Logs;

/// <summary>
/// The traffic log: a bounded ring of entries, the oldest dropped first. `direction equal
/// backward` reads it newest first, `forward` oldest first. Not thread-safe: the Device serialises
/// every call under its lock; enumerating while appending throws <see cref="InvalidOperationException"/>.
/// </summary>
public sealed class TrafficLog
{
    private TrafficLogEntry[] _ring = [];
    private int _oldest;
    private int _version;

    public TrafficLog(int capacity = 100_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
    }

    public int Capacity { get; }
    public int Count { get; private set; }

    public void Append(TrafficLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _version++;
        if (Count == _ring.Length && Count < Capacity)
        {
            Grow();
        }

        if (Count < _ring.Length)
        {
            _ring[(_oldest + Count) % _ring.Length] = entry;
            Count++;
            return;
        }

        _ring[_oldest] = entry;
        _oldest = (_oldest + 1) % _ring.Length;
    }

    /// <summary>
    /// The handler for <see cref="SessionTable.SessionEnded"/>: appends the session's entry, received
    /// at its end time, when its rule logs at session end. Returns whether it appended.
    /// </summary>
    public bool AppendEnded(SessionEndedEventArgs ended)
    {
        ArgumentNullException.ThrowIfNull(ended);
        var session = ended.Session;
        if (!session.LogAtEnd || session.EndTime is not { } endTime)
        {
            return false;
        }

        Append(TrafficLogEntry.FromSession(session, ended.Action, endTime));
        return true;
    }

    public void Clear()
    {
        _version++;
        Array.Clear(_ring);
        _oldest = 0;
        Count = 0;
    }

    public IEnumerable<TrafficLogEntry> NewestFirst()
    {
        var version = _version;
        for (var i = Count - 1; i >= 0; i--)
        {
            yield return At(i, version);
        }
    }

    public IEnumerable<TrafficLogEntry> OldestFirst()
    {
        var version = _version;
        for (var i = 0; i < Count; i++)
        {
            yield return At(i, version);
        }
    }

    private TrafficLogEntry At(int age, int version)
    {
        if (version != _version)
        {
            throw new InvalidOperationException("The traffic log changed during enumeration.");
        }

        return _ring[(_oldest + age) % _ring.Length];
    }

    private void Grow()
    {
        var grown = new TrafficLogEntry[Math.Min(Capacity, Math.Max(16, _ring.Length * 2))];
        for (var i = 0; i < Count; i++)
        {
            grown[i] = _ring[(_oldest + i) % _ring.Length];
        }

        _ring = grown;
        _oldest = 0;
    }
}
