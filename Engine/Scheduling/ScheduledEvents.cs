namespace VirtualFirewall.Engine.Scheduling;

/// <summary>
/// Things a scenario arranged to happen at a time on the device clock ("session 4632 ends with TCP FIN
/// five minutes after it started"). Run in time order, ties in the order they were scheduled, whenever
/// the device catches up with its clock. Not thread-safe: the device lock guards it.
/// </summary>
public sealed class ScheduledEvents
{
    private readonly PriorityQueue<Action<Device>, (DateTimeOffset At, long Order)> _queue = new();
    private long _order;

    public int Count => _queue.Count;

    public void At(DateTimeOffset when, Action<Device> action) => _queue.Enqueue(action, (when, _order++));

    /// <summary>Returns the next event due at or before <paramref name="now"/>, with its time.</summary>
    public bool TryTakeDue(DateTimeOffset now, out DateTimeOffset when, out Action<Device> action)
    {
        if (_queue.TryPeek(out var next, out var key) && key.At <= now)
        {
            _queue.Dequeue();
            when = key.At;
            action = next;
            return true;
        }

        when = default;
        action = null!;
        return false;
    }
}
