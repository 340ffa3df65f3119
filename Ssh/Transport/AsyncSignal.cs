namespace VirtualFirewall.Ssh.Transport;

/// <summary>An auto-resetting signal a single waiter can await: set many times, consumed by one wait.</summary>
internal sealed class AsyncSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set()
    {
        lock (_gate)
        {
            _next.TrySetResult();
        }
    }

    /// <summary>Waits for a Set since the last wait; false on timeout.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellation)
    {
        Task wait;
        lock (_gate)
        {
            wait = _next.Task;
        }

        // Task.WaitAsync drops its timer as soon as the signal comes; a Task.Delay raced against the
        // signal kept one alive for the whole timeout, for every output round of every session.
        await wait.WaitAsync(timeout, cancellation).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        cancellation.ThrowIfCancellationRequested();
        var finished = wait.IsCompleted;
        lock (_gate)
        {
            if (_next.Task.IsCompleted)
            {
                _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return finished;
    }
}
