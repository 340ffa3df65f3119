namespace VirtualFirewall.Engine.Cli;

/// <summary>One administrator's login: who, from where, over what, since when, and its CLI settings.</summary>
public sealed class CliSession
{
    internal CliSession(int id, string user, string from, string client, DateTimeOffset startedAt)
    {
        Id = id;
        User = user;
        From = from;
        Client = client;
        StartedAt = startedAt;
        LastActivity = startedAt;
    }

    public int Id { get; }
    public string User { get; }

    /// <summary>The client's address as `show admins` prints it.</summary>
    public string From { get; }

    /// <summary>`CLI` for SSH and Telnet logins, `Web` for the web interface.</summary>
    public string Client { get; }

    public DateTimeOffset StartedAt { get; }
    public DateTimeOffset LastActivity { get; internal set; }
    public CliSettings Settings { get; } = new();

    /// <summary>Operational (`>`) or configuration (`#`) mode; `configure`, `exit` and `quit` move between them.</summary>
    public CliMode Mode { get; internal set; }

    /// <summary>The configuration hierarchy level in configuration mode, shown as `[edit ...]`; empty at the top.</summary>
    public IReadOnlyList<string> EditPath { get; internal set; } = [];
}
