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

        var finished = await Task.WhenAny(wait, Task.Delay(timeout, cancellation)).ConfigureAwait(false);
        cancellation.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_next.Task.IsCompleted)
            {
                _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return finished == wait;
    }
}
