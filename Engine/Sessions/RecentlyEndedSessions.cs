using System.Diagnostics.CodeAnalysis;

namespace VirtualFirewall.Engine.Sessions;

/// <summary>
/// Freed sessions, still readable by id (`show session id` of an ended session, reference §3.1
/// sample A) up to a bound; the oldest freed is dropped first. An id reused by a new session leaves
/// a stale queue entry that eviction skips.
/// </summary>
internal sealed class RecentlyEndedSessions(int capacity)
{
    private readonly Dictionary<uint, Session> _byId = [];
    private readonly Queue<Session> _freedOrder = new();

    public int Count => _byId.Count;

    public IEnumerable<uint> Ids => _byId.Keys;

    public void Add(Session session)
    {
        if (capacity == 0)
        {
            return;
        }

        _byId[session.Id] = session;
        _freedOrder.Enqueue(session);
        while (_byId.Count > capacity)
        {
            var oldest = _freedOrder.Dequeue();
            if (IsCurrent(oldest))
            {
                _byId.Remove(oldest.Id);
            }
        }

        if (_freedOrder.Count > (2 * capacity) + 16)
        {
            DropStaleEntries();
        }
    }

    public bool TryGet(uint id, [MaybeNullWhen(false)] out Session session) => _byId.TryGetValue(id, out session);

    public bool Contains(uint id) => _byId.ContainsKey(id);

    public void Remove(uint id) => _byId.Remove(id);

    /// <summary>Forgets every freed session and gives back the store's memory.</summary>
    public void Clear()
    {
        _byId.Clear();
        _byId.TrimExcess();
        _freedOrder.Clear();
        _freedOrder.TrimExcess();
    }

    private bool IsCurrent(Session session) => _byId.TryGetValue(session.Id, out var current) && ReferenceEquals(current, session);

    private void DropStaleEntries()
    {
        for (var remaining = _freedOrder.Count; remaining > 0; remaining--)
        {
            var session = _freedOrder.Dequeue();
            if (IsCurrent(session))
            {
                _freedOrder.Enqueue(session);
            }
        }
    }
}
