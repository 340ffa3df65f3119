using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Engine.Counters;

/// <summary>
/// The device's global counters (`show counter global`, reference §4): a fixed set of named counters
/// printed in declaration order, only those that are non-zero.
/// <para>
/// Session counters follow the <see cref="SessionTable"/> given to <see cref="Attach"/>: opens and frees
/// are polled from <see cref="SessionTable.CreatedSinceBoot"/> and <see cref="SessionTable.LiveCount"/>
/// whenever a value is read (the table raises no event on open, and a DISCARD/CLOSING session is freed
/// later without an event), so the table's <see cref="SessionTable.Advance"/> must have run first, as
/// <c>Device.Execute</c> does. Ends are counted from <see cref="SessionTable.SessionEnded"/> by tracker
/// stage. Other counters move only through <see cref="Increment"/> or <see cref="Set"/>.
/// </para>
/// <para>
/// `filter delta yes` baseline: one per device (not per CLI session). Each delta query reports the
/// change since the previous delta query and becomes the new baseline; a plain query does not move it.
/// Both forms print the time since that baseline (the device's start before any delta query), and the
/// rate column is the change since the baseline divided by that time, truncated.
/// Not thread-safe: the Device serialises calls under its lock.
/// </para>
/// </summary>
public sealed class GlobalCounters
{
    // Names and texts of the first four pkt_* counters, flow_rcv_dot1q_tag_err, flow_no_interface and
    // ssl_hsm_up_down_event_rcv are verbatim from the ntc-templates sample (reference §4). The others
    // follow PAN-OS naming from memory; their exact descriptions are unverified.
    private static readonly CounterDefinition[] Catalogue =
    [
        new("pkt_recv", CounterSeverity.Info, "packet", "pktproc", "Packets received"),
        new("pkt_sent", CounterSeverity.Info, "packet", "pktproc", "Packets transmitted"),
        new("pkt_sock_recv", CounterSeverity.Info, "packet", "pktproc", "Packets received at socket level - delayed counter"),
        new("pkt_lldp_sent", CounterSeverity.Info, "packet", "pktproc", "LLDP Packets transmitted"),
        new(Names.SessionAllocated, CounterSeverity.Info, "session", "resource", "Sessions allocated"),
        new(Names.SessionFreed, CounterSeverity.Info, "session", "resource", "Sessions freed"),
        new(Names.SessionInstalled, CounterSeverity.Info, "session", "resource", "Sessions installed"),
        new(Names.SessionAgedOut, CounterSeverity.Info, "session", "resource", "Sessions aged out"),
        new(Names.SessionResourceLimit, CounterSeverity.Drop, "session", "resource", "Session setup: resource limit reached"),
        new(Names.FlowPolicyDeny, CounterSeverity.Drop, "flow", "session", "Session setup: denied by policy"),
        new("flow_tcp_non_syn_drop", CounterSeverity.Drop, "flow", "session", "Packets dropped: non-SYN TCP without session match"),
        new("flow_rcv_dot1q_tag_err", CounterSeverity.Drop, "flow", "parse", "Packets dropped: 802.1q tag not configured"),
        new("flow_no_interface", CounterSeverity.Drop, "flow", "parse", "Packets dropped: invalid interface"),
        new("flow_fwd_l3_mcast_drop", CounterSeverity.Drop, "flow", "forward", "Packets dropped: no route for IP multicast"),
        new(Names.FlowHostServiceDeny, CounterSeverity.Drop, "flow", "mgmt", "Device management session denied"),
        new(Names.ThreatSessionClose, CounterSeverity.Drop, "ctd", "pktproc", "Sessions closed by threat detection"),
        new("tcp_drop_packet", CounterSeverity.Warn, "tcp", "pktproc", "packets dropped because of failure in tcp reassembly"),
        new("ssl_hsm_up_down_event_rcv", CounterSeverity.Info, "ssl", "pktproc", "The number of HSM up/down events received"),
    ];

    private readonly Dictionary<string, int> _index;
    private readonly long[] _values;
    private long[] _baseline;
    private DateTimeOffset _baselineAt;
    private SessionTable? _table;
    private long _createdSeen;
    private long _freedSeen;

    /// <param name="since">When counting started (the device's boot): the elapsed time of the first query counts from here.</param>
    public GlobalCounters(DateTimeOffset since)
    {
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Catalogue.Length; i++)
        {
            _index.Add(Catalogue[i].Name, i);
        }

        _values = new long[Catalogue.Length];
        _baseline = new long[Catalogue.Length];
        _baselineAt = since;
    }

    /// <summary>Every counter, in print order.</summary>
    public static IReadOnlyList<CounterDefinition> Definitions => Catalogue;

    /// <summary>The current value of a counter.</summary>
    /// <exception cref="ArgumentException">No counter has this name.</exception>
    public long this[string name]
    {
        get
        {
            Sync();
            return _values[IndexOf(name)];
        }
    }

    /// <summary>Counts the sessions of <paramref name="table"/> from now on. Call once.</summary>
    public void Attach(SessionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (_table is not null)
        {
            throw new InvalidOperationException("The counters already follow a session table.");
        }

        _table = table;
        _createdSeen = table.CreatedSinceBoot;
        _freedSeen = table.CreatedSinceBoot - table.LiveCount;
        table.SessionEnded += OnSessionEnded;
    }

    public void Increment(string name, long by = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(by);
        _values[IndexOf(name)] += by;
    }

    public void Set(string name, long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        _values[IndexOf(name)] = value;
    }

    /// <summary>
    /// What `show counter global [filter delta yes] [severity ...]` prints at <paramref name="now"/>:
    /// non-zero values (or non-zero changes, for <paramref name="delta"/>) of the given severity, or
    /// of every severity when null. A delta query makes now the new baseline.
    /// </summary>
    public CounterSample Sample(DateTimeOffset now, bool delta, CounterSeverity? severity = null)
    {
        Sync();
        var elapsed = now > _baselineAt ? now - _baselineAt : TimeSpan.Zero;
        var seconds = elapsed.TotalSeconds;
        var rows = new List<CounterRow>();
        for (var i = 0; i < Catalogue.Length; i++)
        {
            var counter = Catalogue[i];
            var change = _values[i] - _baseline[i];
            var shown = delta ? change : _values[i];
            if (shown == 0 || (severity is { } wanted && counter.Severity != wanted))
            {
                continue;
            }

            var rate = seconds > 0 ? (long)(change / seconds) : 0;
            rows.Add(new CounterRow(counter, shown, rate));
        }

        if (delta)
        {
            _baseline = (long[])_values.Clone();
            _baselineAt = now;
        }

        return new CounterSample(elapsed, rows);
    }

    private int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _index.TryGetValue(name, out var index) ? index : throw new ArgumentException($"No global counter {name}.", nameof(name));
    }

    /// <summary>Brings the polled session counters up to the table. Every session opened is installed (a denied one as a DISCARD session).</summary>
    private void Sync()
    {
        if (_table is null)
        {
            return;
        }

        var created = _table.CreatedSinceBoot;
        var freed = created - _table.LiveCount;
        var opened = created - _createdSeen;
        _values[_index[Names.SessionAllocated]] += opened;
        _values[_index[Names.SessionInstalled]] += opened;
        _values[_index[Names.SessionFreed]] += freed - _freedSeen;
        _createdSeen = created;
        _freedSeen = freed;
    }

    private void OnSessionEnded(object? sender, SessionEndedEventArgs ended)
    {
        var name = ended.Session.TrackerStage switch
        {
            TrackerStage.AppidPolicyLookupDeny => Names.FlowPolicyDeny,
            TrackerStage.AgedOut => Names.SessionAgedOut,
            TrackerStage.MitigationTdb => Names.ThreatSessionClose,
            TrackerStage.ResourceLimit => Names.SessionResourceLimit,
            TrackerStage.HostService => Names.FlowHostServiceDeny,
            _ => null,
        };
        if (name is not null)
        {
            _values[_index[name]]++;
        }
    }

    /// <summary>The counters the engine moves.</summary>
    public static class Names
    {
        public const string SessionAllocated = "session_allocated";
        public const string SessionFreed = "session_freed";
        public const string SessionInstalled = "session_installed";
        public const string SessionAgedOut = "session_aged_out";
        public const string SessionResourceLimit = "session_resource_limit";
        public const string FlowPolicyDeny = "flow_policy_deny";
        public const string FlowHostServiceDeny = "flow_host_service_deny";
        public const string ThreatSessionClose = "ctd_threat_session_close";
    }
}
