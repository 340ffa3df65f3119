using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Engine.Traffic;

/// <summary>The generator's plan for one session: what it is, how it will end, and its next step.</summary>
internal sealed class GeneratedSession(TrafficFlow flow, TrafficApplication application, TrackerStage stage, double lifetimeSeconds)
{
    public TrafficFlow Flow { get; } = flow;
    public TrafficApplication Application { get; } = application;

    /// <summary>
    /// How the session will end; <see cref="TrackerStage.AgedOut"/> means it falls silent and the ager ends it.
    /// The running policy may change it when the session opens (a flow's rule deleted, a deny rule added).
    /// </summary>
    public TrackerStage Stage { get; set; } = stage;

    /// <summary>How long it carries traffic.</summary>
    public double LifetimeSeconds { get; set; } = lifetimeSeconds;

    /// <summary>The table's session once opened.</summary>
    public Session? Session { get; set; }

    /// <summary>For a predict session: the control session that opened it.</summary>
    public Session? Parent { get; init; }

    public GeneratedStep Next { get; set; }

    /// <summary>UTC ticks at which its first exchange happens.</summary>
    public long FirstExchangeAt { get; set; }

    /// <summary>UTC ticks at which it finishes.</summary>
    public long EndAt { get; set; }

    public int Exchanges { get; set; }
    public int ExchangesDone { get; set; }

    /// <summary>The gap between exchanges, in ticks: exchange k happens near <see cref="FirstExchangeAt"/> + k gaps.</summary>
    public long Interval { get; set; }

    public int Retransmits { get; set; }
    public int RetransmitsLeft { get; set; }
    public bool PredictOpened { get; set; }
}
