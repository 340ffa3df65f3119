namespace VirtualFirewall.Emulator.Hosting;

/// <summary>
/// The running connections of one listener: each connection's task with its state, dropped from the
/// set when the task ends. Thread-safe; the accept loop adds, connection tasks remove themselves.
/// </summary>
internal sealed class ConnectionSet<TState>
    where TState : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Task, TState> _running = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _running.Count;
            }
        }
    }

    public IReadOnlyList<TState> States()
    {
        lock (_gate)
        {
            return [.. _running.Values];
        }
    }

    public Task[] Tasks()
    {
        lock (_gate)
        {
            return [.. _running.Keys];
        }
    }

    /// <summary>Tracks a connection until its task ends, then calls <paramref name="ended"/> with its state.</summary>
    public void Add(Task task, TState state, Action<TState>? ended = null)
    {
        lock (_gate)
        {
            _running[task] = state;
        }

        _ = task.ContinueWith(
            done =>
            {
                lock (_gate)
                {
                    _running.Remove(done);
                }

                ended?.Invoke(state);
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
