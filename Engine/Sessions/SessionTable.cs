using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace VirtualFirewall.Engine.Sessions;

/// <summary>
/// The sessions of one device and their lifecycle (reference §3.5): ids, O(1) lookups, ordered
/// filtered scans that stream without copying, per-protocol counts for `show session info`, the
/// ager driven by the device clock, and the session tracker.
/// <para>
/// A session is live (in the ager, listed by scans, in every state but INIT) until it is freed;
/// then both flows show INIT, `session in session ager` is False, and it stays readable by id in a
/// bounded store of recently ended sessions (`show session id` of an aged-out session shows INIT and
/// its tracker stage, reference §3.1 sample A and the session-tracker KB) but no scan lists it.
/// </para>
/// <para>
/// Every mutator first runs <see cref="Advance"/>, so a session past its time is never refreshed or
/// ended twice; readers do not, so the Device calls <see cref="Advance"/> before a command reads.
/// Not thread-safe: the Device serialises every call under its lock. A scan throws
/// <see cref="InvalidOperationException"/> if sessions open or are freed while it is enumerated.
/// </para>
/// </summary>
public sealed class SessionTable
{
    private readonly TimeProvider _time;
    private readonly Dictionary<uint, LiveEntry> _live = [];
    private readonly StringPool _names = new();
    private readonly SessionIdOrder _order;
    private readonly RecentlyEndedSessions _ended;

    // (due, id) pairs, ties by id. An entry may be earlier than its session's due time (traffic
    // moved it later: it is re-queued when popped) or stale (the session is gone: it is dropped);
    // whenever a session's due time moves earlier a new entry is queued, so the earliest entry of a
    // live session is never later than its due time.
    private readonly PriorityQueue<uint, (long Due, uint Id)> _ager = new();

    private readonly int[] _flowsByProtocol = new int[256];
    private readonly uint _firstId;
    private uint _nextId;
    private int _version;

    public SessionTable(TimeProvider time, SessionTableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        options ??= new SessionTableOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.RecentlyEndedCapacity);
        _time = time;
        _firstId = options.FirstId;
        _nextId = options.FirstId;
        Timeouts = options.Timeouts;
        _order = new SessionIdOrder(_live.ContainsKey);
        _ended = new RecentlyEndedSessions(options.RecentlyEndedCapacity);
    }

    /// <summary>Raised once per session, at the moment it ends: entering DISCARD or CLOSING, or freed, whichever comes first.</summary>
    public event EventHandler<SessionEndedEventArgs>? SessionEnded;

    /// <summary>The timeouts applied from now on; sessions keep the timeout they already have until their next transition.</summary>
    public SessionTimeouts Timeouts { get; set; }

    /// <summary>Live sessions (`Number of allocated sessions`).</summary>
    public int LiveCount => _live.Count;

    public int RecentlyEndedCount => _ended.Count;

    /// <summary>Empties the store of freed sessions (it refills up to its bound): a soak compares memory without it.</summary>
    internal void ForgetEndedSessions() => _ended.Clear();

    /// <summary>Live predict sessions; they are not in <see cref="ActiveCount"/>.</summary>
    public int PredictCount { get; private set; }

    /// <summary>Sessions opened since the table was created (`Number of sessions created since bootup`).</summary>
    public long CreatedSinceBoot { get; private set; }

    /// <summary>
    /// Live FLOW sessions of an IP protocol (`Number of active TCP sessions` is 6, UDP 17, ICMP 1),
    /// whatever their state: OPENING, ACTIVE, DISCARD and CLOSING sessions all hold a table slot.
    /// </summary>
    public int ActiveCount(int protocol) => protocol is >= 0 and <= 255 ? _flowsByProtocol[protocol] : 0;

    /// <summary>A live or recently ended session, or null.</summary>
    public Session? Find(uint id) =>
        _live.TryGetValue(id, out var entry) ? entry.Session : _ended.TryGet(id, out var ended) ? ended : null;

    public bool IsLive(uint id) => _live.ContainsKey(id);

    /// <summary>When a live session is due to leave its state (`time to live` counts down to it), or null.</summary>
    public DateTimeOffset? ExpiresAt(uint id) =>
        _live.TryGetValue(id, out var entry) ? new DateTimeOffset(entry.Due, TimeSpan.Zero) : null;

    /// <summary>Live sessions matching <paramref name="filter"/>, by id ascending, streamed.</summary>
    public IEnumerable<Session> Scan(SessionFilter? filter = null)
    {
        filter ??= SessionFilter.All;
        // `show session all` unfiltered walks a million sessions: no per-session test then.
        return filter == SessionFilter.All ? Stream(0, static _ => true) : Stream(filter.StartAt ?? 0, filter.Matches);
    }

    public IEnumerable<Session> Scan(Func<Session, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Stream(0, predicate);
    }

    /// <summary>Live sessions matching <paramref name="filter"/>, counted without materialising them.</summary>
    public int Count(SessionFilter? filter = null)
    {
        if (filter is null || filter == SessionFilter.All)
        {
            return _live.Count;
        }

        var count = 0;
        for (var slot = _order.LowerBound(filter.StartAt ?? 0); slot < _order.Slots; slot++)
        {
            if (_live.TryGetValue(_order[slot], out var entry) && filter.Matches(entry.Session))
            {
                count++;
            }
        }

        return count;
    }

    public int Count(Func<Session, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var count = 0;
        foreach (var entry in _live.Values)
        {
            if (predicate(entry.Session))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Opens a session: a TCP session not yet established in OPENING with the handshake timeout,
    /// a predict session with its c2s flow ACTIVE and s2c OPENING (reference §3.1 sample B), a
    /// session on a deny/drop rule straight into DISCARD (tracker `appid policy lookup deny`, which
    /// raises <see cref="SessionEnded"/> at once), anything else ACTIVE.
    /// </summary>
    /// <exception cref="InvalidOperationException">The explicit id belongs to a live session.</exception>
    public Session Open(SessionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Validate(spec);
        Advance();
        var now = _time.GetUtcNow();
        if (spec.StartTime > now)
        {
            throw new ArgumentException("A session cannot start after now.", nameof(spec));
        }

        uint id;
        if (spec.Id is { } explicitId)
        {
            if (_live.ContainsKey(explicitId))
            {
                throw new InvalidOperationException($"Session {explicitId} already exists.");
            }

            // PAN-OS reuses the slot of a freed session: the new session replaces the ended one.
            _ended.Remove(explicitId);
            id = explicitId;
        }
        else
        {
            id = TakeNextId();
        }

        var denied = spec.Action != RuleAction.Allow;
        SessionState c2sState, s2cState;
        int timeout;
        if (denied)
        {
            (c2sState, s2cState) = (SessionState.Discard, SessionState.Discard);
            timeout = Timeouts.For(spec.Protocol, SessionState.Discard);
        }
        else if (spec.Type == SessionType.Predict)
        {
            (c2sState, s2cState) = (SessionState.Active, SessionState.Opening);
            timeout = spec.TimeoutSeconds ?? Timeouts.For(spec.Protocol, SessionState.Active, spec.CaptivePortal);
        }
        else if (spec.Protocol == SessionTimeouts.TcpProtocol && !spec.Established)
        {
            (c2sState, s2cState) = (SessionState.Opening, SessionState.Opening);
            timeout = Timeouts.For(spec.Protocol, SessionState.Opening);
        }
        else
        {
            (c2sState, s2cState) = (SessionState.Active, SessionState.Active);
            timeout = spec.TimeoutSeconds ?? Timeouts.For(spec.Protocol, SessionState.Active, spec.CaptivePortal);
        }

        var session = new Session
        {
            Id = id,
            ClientToServer = new SessionFlow(
                spec.Source, _names.Get(spec.SourceZone), spec.Destination, spec.Protocol, spec.SourcePort, spec.DestinationPort,
                c2sState, spec.Type, _names.Get(spec.SourceUser), _names.Get(spec.DestinationUser), _names.GetOrNull(spec.PbfRule)),
            ServerToClient = new SessionFlow(
                spec.TranslatedDestination ?? spec.Destination, _names.Get(spec.DestinationZone), spec.TranslatedSource ?? spec.Source,
                spec.Protocol, spec.TranslatedDestinationPort ?? spec.DestinationPort, spec.TranslatedSourcePort ?? spec.SourcePort,
                s2cState, spec.Type, _names.Get(spec.DestinationUser), _names.Get(spec.SourceUser)),
            StartTime = spec.StartTime ?? now,
            LastActivity = now,
            TimeoutSeconds = timeout,
            Vsys = _names.Get(spec.Vsys),
            Application = _names.Get(spec.Application),
            Rule = _names.Get(spec.Rule),
            ServiceTimeoutOverride = spec.ServiceTimeoutOverride,
            LogAtEnd = spec.LogAtEnd,
            InAger = true,
            UpdatedByHaPeer = spec.UpdatedByHaPeer,
            Translation = spec.Translation,
            NatRule = _names.GetOrNull(spec.NatRule),
            Layer7Processing = spec.Layer7Processing,
            UrlFilteringEnabled = spec.UrlFilteringEnabled,
            ViaSynCookies = spec.ViaSynCookies,
            TerminatedOnHost = spec.TerminatedOnHost,
            TraversesTunnel = spec.TraversesTunnel,
            TerminateTunnel = spec.TerminateTunnel,
            CaptivePortal = spec.CaptivePortal,
            IngressInterface = _names.Get(spec.IngressInterface),
            EgressInterface = _names.Get(spec.EgressInterface),
            QosRule = _names.Get(spec.QosRule),
            ParentSession = spec.ParentSession,
            TrackerStage = denied ? TrackerStage.AppidPolicyLookupDeny : TrackerStage.None,
            EndReason = denied ? EndReason.PolicyDeny : EndReason.Unknown,
            EndTime = denied ? now : null,
        };

        _live.Add(id, new LiveEntry
        {
            Session = session,
            Due = long.MaxValue,
            AgerTimeout = timeout,
            ServiceTimeout = denied ? 0 : spec.TimeoutSeconds ?? 0,
        });
        SetDue(id, ref CollectionsMarshal.GetValueRefOrNullRef(_live, id), now.UtcTicks + Seconds(timeout));
        _order.Add(id);
        _version++;
        Tally(session, +1);
        CreatedSinceBoot++;
        if (denied)
        {
            Raise(session, spec.Action);
        }

        return session;
    }

    /// <summary>
    /// Completes a TCP handshake (OPENING to ACTIVE) or turns a predict session into a FLOW session
    /// with both flows ACTIVE; the session takes its established timeout. False if the session is not
    /// live or not in such a state.
    /// </summary>
    public bool Establish(uint id)
    {
        Advance();
        ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_live, id);
        if (Unsafe.IsNullRef(ref entry))
        {
            return false;
        }

        var session = entry.Session;
        if (session.State != SessionState.Opening && (session.Type != SessionType.Predict || HasEnded(session)))
        {
            return false;
        }

        Tally(session, -1);
        session.ClientToServer = session.ClientToServer with { State = SessionState.Active, Type = SessionType.Flow };
        session.ServerToClient = session.ServerToClient with { State = SessionState.Active, Type = SessionType.Flow };
        Tally(session, +1);
        var now = _time.GetUtcNow();
        session.TimeoutSeconds = entry.ServiceTimeout > 0 ? entry.ServiceTimeout : Timeouts.For(session.Protocol, SessionState.Active, session.CaptivePortal);
        session.LastActivity = now;
        entry.AgerTimeout = session.TimeoutSeconds;
        SetDue(id, ref entry, now.UtcTicks + Seconds(entry.AgerTimeout));
        return true;
    }

    /// <summary>Counts traffic on a live session; it refreshes the session's idle time, whatever its state. False if not live.</summary>
    public bool RecordTraffic(uint id, long bytesC2S, long bytesS2C, long packetsC2S, long packetsS2C)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytesC2S);
        ArgumentOutOfRangeException.ThrowIfNegative(bytesS2C);
        ArgumentOutOfRangeException.ThrowIfNegative(packetsC2S);
        ArgumentOutOfRangeException.ThrowIfNegative(packetsS2C);
        Advance();
        ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_live, id);
        if (Unsafe.IsNullRef(ref entry))
        {
            return false;
        }

        var session = entry.Session;
        session.BytesClientToServer += bytesC2S;
        session.BytesServerToClient += bytesS2C;
        session.Layer7PacketsClientToServer += packetsC2S;
        session.Layer7PacketsServerToClient += packetsS2C;
        var now = _time.GetUtcNow();
        session.LastActivity = now;
        SetDue(id, ref entry, now.UtcTicks + Seconds(entry.AgerTimeout));
        return true;
    }

    /// <summary>
    /// Ends a live session for a tracker stage (session-tracker KB): `Aged out` and the TCP resets
    /// free it at once; `TCP FIN` holds it in CLOSING for the TIME_WAIT timeout; the other stages
    /// hold it in DISCARD for the protocol's discard timeout. The end reason follows
    /// <see cref="SessionNames.EndReasonOf"/>; `host service` gives `unknown`: the session matched
    /// an allowing security rule and the firewall's own service refused it, which is none of the
    /// specific reasons (not `policy-deny`, which needs a deny or drop rule), so the catch-all of
    /// reference §3.5 applies. False if the session is not live or has already ended.
    /// </summary>
    public bool End(uint id, TrackerStage stage)
    {
        if (stage == TrackerStage.None || !Enum.IsDefined(stage))
        {
            throw new ArgumentOutOfRangeException(nameof(stage), stage, "A session ends with a tracker stage.");
        }

        Advance();
        ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_live, id);
        if (Unsafe.IsNullRef(ref entry) || HasEnded(entry.Session))
        {
            return false;
        }

        var session = entry.Session;
        if (stage is TrackerStage.TcpFin or TrackerStage.TcpRstClient or TrackerStage.TcpRstServer
            && session.Protocol != SessionTimeouts.TcpProtocol)
        {
            throw new ArgumentException($"{SessionNames.Of(stage)} ends TCP sessions only.", nameof(stage));
        }

        var now = _time.GetUtcNow();
        session.TrackerStage = stage;
        session.EndReason = SessionNames.EndReasonOf(stage);
        session.EndTime = now;
        switch (stage)
        {
            case TrackerStage.AgedOut or TrackerStage.TcpRstClient or TrackerStage.TcpRstServer:
                Free(session);
                break;
            case TrackerStage.TcpFin:
                Hold(id, ref entry, SessionState.Closing, now);
                break;
            default:
                Hold(id, ref entry, SessionState.Discard, now);
                break;
        }

        Raise(session, stage == TrackerStage.AppidPolicyLookupDeny ? RuleAction.Deny : RuleAction.Allow);
        return true;
    }

    /// <summary>
    /// `clear session id`: frees a live session at once with end reason `unknown` and no tracker
    /// stage. A session already in DISCARD or CLOSING keeps the stage it ended with and is not
    /// announced again. False if the session is not live.
    /// </summary>
    public bool Clear(uint id)
    {
        Advance();
        if (!_live.TryGetValue(id, out var entry))
        {
            return false;
        }

        var session = entry.Session;
        if (HasEnded(session))
        {
            Free(session);
            return true;
        }

        session.EndReason = EndReason.Unknown;
        session.EndTime = _time.GetUtcNow();
        Free(session);
        Raise(session, RuleAction.Allow);
        return true;
    }

    /// <summary>`clear session all [filter ...]`: clears every live session matching; returns how many.</summary>
    public int Clear(SessionFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Advance();
        var ids = new List<uint>();
        foreach (var session in Scan(filter))
        {
            ids.Add(session.Id);
        }

        foreach (var id in ids)
        {
            Clear(id);
        }

        return ids.Count;
    }

    /// <summary>
    /// Runs the ager up to the clock's now, in due-time order (ties by id): an OPENING or ACTIVE
    /// session idle for its whole timeout ages out (freed at once, tracker `Aged out`, its end time
    /// the moment it became due); a DISCARD or CLOSING session whose hold is over is freed.
    /// Returns how many sessions were freed.
    /// </summary>
    public int Advance()
    {
        var now = _time.GetUtcNow().UtcTicks;
        var freed = 0;
        while (_ager.TryPeek(out var id, out var key) && key.Due <= now)
        {
            _ager.Dequeue();
            ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_live, id);
            if (Unsafe.IsNullRef(ref entry) || entry.Due < key.Due)
            {
                continue;
            }

            if (entry.Due > key.Due)
            {
                _ager.Enqueue(id, (entry.Due, id));
                continue;
            }

            var session = entry.Session;
            freed++;
            if (HasEnded(session))
            {
                Free(session);
                continue;
            }

            session.TrackerStage = TrackerStage.AgedOut;
            session.EndReason = EndReason.AgedOut;
            session.EndTime = new DateTimeOffset(key.Due, TimeSpan.Zero);
            Free(session);
            Raise(session, RuleAction.Allow);
        }

        return freed;
    }

    /// <summary>Checks every internal invariant; throws <see cref="InvalidOperationException"/> naming the first broken one.</summary>
    internal void CheckConsistency()
    {
        var previous = -1L;
        var listed = 0;
        for (var slot = 0; slot < _order.Slots; slot++)
        {
            var id = _order[slot];
            Require(id > previous, "the id order is not strictly ascending");
            previous = id;
            if (_live.ContainsKey(id))
            {
                listed++;
            }
        }

        Require(listed == _live.Count, "a live session is missing from the id order");
        Require(_order.Slots - listed == _order.Tombstones, "the tombstone count is wrong");
        var earliest = new Dictionary<uint, long>();
        foreach (var (id, key) in _ager.UnorderedItems)
        {
            earliest[id] = Math.Min(key.Due, earliest.GetValueOrDefault(id, long.MaxValue));
        }

        var byProtocol = new int[256];
        var predict = 0;
        foreach (var (id, entry) in _live)
        {
            var session = entry.Session;
            Require(session.Id == id, "a session is filed under another id");
            Require(!_ended.Contains(id), "a live session is also in the ended store");
            Require(session.InAger, "a live session is not in the ager");
            Require(session.State is not SessionState.Init and not SessionState.Closed, "a live session is free");
            Require(earliest.TryGetValue(id, out var due) && due <= entry.Due, "a live session has no ager entry in time");
            Require(entry.Due == session.LastActivity.UtcTicks + Seconds(entry.AgerTimeout), "a due time does not follow the last activity");
            Require(HasEnded(session) == (session.EndTime is not null), "end time and state disagree");
            if (session.Type == SessionType.Predict)
            {
                predict++;
            }
            else
            {
                byProtocol[session.Protocol]++;
            }
        }

        Require(predict == PredictCount && byProtocol.AsSpan().SequenceEqual(_flowsByProtocol), "the counts differ from a recount");
        foreach (var id in _ended.Ids)
        {
            _ended.TryGet(id, out var session);
            Require(session!.State == SessionState.Init && session.ServerToClient.State == SessionState.Init, "a freed session is not INIT");
            Require(!session.InAger && session.EndTime is not null, "a freed session is in the ager or has no end time");
        }
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Session table inconsistent: {what}.");
        }
    }

    private static long Seconds(int seconds) => seconds * TimeSpan.TicksPerSecond;

    private static bool HasEnded(Session session) => session.State is SessionState.Discard or SessionState.Closing;

    private static void Validate(SessionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec.Source);
        ArgumentNullException.ThrowIfNull(spec.Destination);
        ArgumentNullException.ThrowIfNull(spec.SourceZone);
        ArgumentNullException.ThrowIfNull(spec.DestinationZone);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)spec.Protocol, 255u, nameof(spec.Protocol));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)spec.SourcePort, 65535u, nameof(spec.SourcePort));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)spec.DestinationPort, 65535u, nameof(spec.DestinationPort));
        if (spec.TimeoutSeconds is { } timeout)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeout, nameof(spec.TimeoutSeconds));
        }
    }

    private IEnumerable<Session> Stream(uint startAt, Func<Session, bool> matches)
    {
        var version = _version;
        for (var slot = _order.LowerBound(startAt); slot < _order.Slots; slot++)
        {
            if (version != _version)
            {
                throw new InvalidOperationException("Sessions opened or were freed during the scan.");
            }

            if (_live.TryGetValue(_order[slot], out var entry) && matches(entry.Session))
            {
                yield return entry.Session;
            }
        }

        if (version != _version)
        {
            throw new InvalidOperationException("Sessions opened or were freed during the scan.");
        }
    }

    private uint TakeNextId()
    {
        while (true)
        {
            var id = _nextId;
            _nextId = id == uint.MaxValue ? _firstId : id + 1;
            if (!_live.ContainsKey(id) && !_ended.Contains(id))
            {
                return id;
            }
        }
    }

    /// <summary>Puts an ending session into DISCARD or CLOSING for that state's timeout, counted from now.</summary>
    private void Hold(uint id, ref LiveEntry entry, SessionState state, DateTimeOffset now)
    {
        var session = entry.Session;
        session.ClientToServer = session.ClientToServer with { State = state };
        session.ServerToClient = session.ServerToClient with { State = state };
        session.LastActivity = now;
        entry.AgerTimeout = Timeouts.For(session.Protocol, state);
        SetDue(id, ref entry, now.UtcTicks + Seconds(entry.AgerTimeout));
    }

    private void SetDue(uint id, ref LiveEntry entry, long due)
    {
        if (due < entry.Due)
        {
            _ager.Enqueue(id, (due, id));
        }

        entry.Due = due;
    }

    /// <summary>Moves a session to the free pool: both flows INIT, out of the ager, into the ended store (reference §3.5).</summary>
    private void Free(Session session)
    {
        _live.Remove(session.Id);
        _order.Remove();
        _version++;
        Tally(session, -1);
        session.ClientToServer = session.ClientToServer with { State = SessionState.Init };
        session.ServerToClient = session.ServerToClient with { State = SessionState.Init };
        session.InAger = false;
        _ended.Add(session);
    }

    private void Tally(Session session, int delta)
    {
        if (session.Type == SessionType.Predict)
        {
            PredictCount += delta;
        }
        else
        {
            _flowsByProtocol[session.Protocol] += delta;
        }
    }

    private void Raise(Session session, RuleAction action) => SessionEnded?.Invoke(this, new SessionEndedEventArgs(session, action));

    private struct LiveEntry
    {
        public Session Session;

        /// <summary>UTC ticks at which the session leaves its state: LastActivity + AgerTimeout.</summary>
        public long Due;

        /// <summary>The idle timeout of the current state in seconds; differs from the printed timeout in DISCARD and CLOSING.</summary>
        public int AgerTimeout;

        /// <summary>The explicit timeout to take once established; 0 for none (an int? would make every entry 8 bytes larger).</summary>
        public int ServiceTimeout;
    }
}
