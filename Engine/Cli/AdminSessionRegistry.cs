namespace VirtualFirewall.Engine.Cli;

/// <summary>The logged-in administrators of one device (`show admins`). Thread-safe.</summary>
public sealed class AdminSessionRegistry
{
    private readonly Lock _gate = new();
    private readonly List<CliSession> _sessions = [];
    private int _nextId;

    public CliSession Open(string user, string from, string client, DateTimeOffset now)
    {
        lock (_gate)
        {
            var session = new CliSession(++_nextId, user, from, client, now);
            _sessions.Add(session);
            return session;
        }
    }

    public void Close(CliSession session)
    {
        lock (_gate)
        {
            _sessions.Remove(session);
        }
    }

    /// <summary>The open sessions in login order.</summary>
    public IReadOnlyList<CliSession> Snapshot()
    {
        lock (_gate)
        {
            return [.. _sessions];
        }
    }
}
