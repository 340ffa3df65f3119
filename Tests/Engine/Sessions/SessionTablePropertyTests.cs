using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsCheck;
using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Engine.Time;

namespace VirtualFirewall.Tests.Engine.Sessions;

/// <summary>
/// Random sequences of opens, traffic, handshakes, ends, clears and clock moves keep the table's
/// invariants after every step. A failure is shrunk by CsCheck to a small sequence, printed one
/// operation a line with the seed that replays it (the <c>seed</c> argument of Check.Sample, or the
/// environment variable CsCheck_Seed).
/// </summary>
[TestFixture]
public sealed class SessionTablePropertyTests
{
    // About 4 s of processor time: 2 to 3 s on two cores.
    private const int Iterations = 1_000;

    // CsCheck shrinks by sampling on and keeping any smaller failure; samples no smaller than the
    // best failure so far are generated but not run, so shrinking can afford far more of them.
    private const int ShrinkIterations = 100_000;

    private static readonly int[] Protocols = [6, 17, 1, 132, 47];
    private static readonly SessionState[] States = Enum.GetValues<SessionState>();
    private static readonly TrackerStage[] Stages = [.. Enum.GetValues<TrackerStage>().Where(s => s != TrackerStage.None)];

    private static readonly Gen<int> GenProtocol = Gen.Frequency((3, 6), (2, 17), (1, 1), (1, 132), (1, 47));

    // Mostly a session opened a few operations ago (likely still live), sometimes any session opened
    // so far or an id that may name nothing.
    private static readonly Gen<SessionPick> GenPick = Gen.Frequency<SessionPick>(
        (5, Gen.Int[0, 3].Select(SessionPick.OpenedAt)),
        (3, Gen.Int[0, 999].Select(SessionPick.OpenedAt)),
        (2, Gen.UInt[1, 400].Select(SessionPick.Raw)));

    private static readonly Gen<SessionOperation> GenOpen = Gen.Select(
        GenProtocol,
        Gen.Bool,
        Gen.Frequency((85, RuleAction.Allow), (10, RuleAction.Deny), (5, RuleAction.Drop)),
        Sometimes(GenPick, 15),
        Sometimes(GenPick, 10),
        Gen.Int[1024, 65535],
        Sometimes(Gen.Int[1, 119], 20),
        (protocol, established, action, id, parent, port, timeout) =>
            (SessionOperation)new SessionOperation.Open(protocol, established, action, id, parent, port, timeout));

    private static readonly Gen<SessionOperation> GenRecordTraffic = Gen.Select(
        GenPick,
        Gen.Int[0, 1999],
        Gen.Int[0, 1999],
        Gen.Int[0, 4],
        Gen.Int[0, 4],
        (target, bytesC2S, bytesS2C, packetsC2S, packetsS2C) =>
            (SessionOperation)new SessionOperation.RecordTraffic(target, bytesC2S, bytesS2C, packetsC2S, packetsS2C));

    // Weighted toward the small steps that keep sessions alive, with the odd jump of hours that ages everything out.
    private static readonly Gen<TimeSpan> GenDuration = Gen.Frequency<TimeSpan>(
        (6, Gen.Int[0, 40_000].Select(milliseconds => TimeSpan.FromMilliseconds(milliseconds))),
        (3, Gen.Int[0, 600].Select(seconds => TimeSpan.FromSeconds(seconds))),
        (1, Gen.Int[0, 4 * 3600].Select(seconds => TimeSpan.FromSeconds(seconds))));

    private static readonly Gen<SessionOperation> GenOperation = Gen.Frequency<SessionOperation>(
        (30, GenOpen),
        (20, GenRecordTraffic),
        (8, GenPick.Select(target => (SessionOperation)new SessionOperation.Establish(target))),
        (14, Gen.Select(GenPick, Gen.OneOf(Stages), (target, stage) => (SessionOperation)new SessionOperation.End(target, stage))),
        (6, GenPick.Select(target => (SessionOperation)new SessionOperation.Clear(target))),
        (2, Gen.Select(GenProtocol, Gen.Bool, (protocol, activeOnly) => (SessionOperation)new SessionOperation.ClearFilter(protocol, activeOnly))),
        (17, GenDuration.Select(by => (SessionOperation)new SessionOperation.Advance(by))),
        (3, Gen.Int[1, 29].Select(seconds => (SessionOperation)new SessionOperation.Rewind(seconds))));

    private static readonly Gen<(uint FirstId, int RecentlyEndedCapacity, SessionOperation[] Operations)> GenScenario = Gen.Select(
        Gen.UInt[1, 49],
        Gen.Frequency<int>((1, Gen.Const(100_000)), (1, Gen.Int[0, 19])),
        GenOperation.Array[1, 300]);

    [Test]
    public void RandomSequencesKeepTheInvariants()
    {
        var failure = Sample(seed: null, Iterations);
        if (failure is not null && SeedOf(failure) is { } seed)
        {
            failure = Sample(seed, ShrinkIterations) ?? failure;
        }

        if (failure is not null)
        {
            Assert.Fail($"{failure.Message}{Environment.NewLine}{failure.InnerException?.Message}");
        }
    }

    /// <summary>Runs scenarios from <paramref name="seed"/> (a random one if null, or CsCheck_Seed's); the shrunk failure, if any.</summary>
    private static CsCheckException? Sample(string? seed, long iterations)
    {
        try
        {
            Check.Sample(GenScenario, Run, seed: seed, iter: iterations, print: Print);
            return null;
        }
        catch (CsCheckException e)
        {
            return e;
        }
    }

    private static string? SeedOf(CsCheckException failure)
    {
        const string Marker = "Set seed: \"";
        var start = failure.Message.IndexOf(Marker, StringComparison.Ordinal);
        var end = start < 0 ? -1 : failure.Message.IndexOf('"', start + Marker.Length);
        return end < 0 ? null : failure.Message[(start + Marker.Length)..end];
    }

    private static Gen<T?> Sometimes<T>(Gen<T> gen, int percent)
        where T : struct =>
        Gen.Frequency<T?>((100 - percent, Gen.Const(default(T?))), (percent, gen.Select(value => (T?)value)));

    private static void Run(uint firstId, int recentlyEndedCapacity, SessionOperation[] operations)
    {
        var run = new ScenarioRun(firstId, recentlyEndedCapacity);
        for (var step = 0; step < operations.Length; step++)
        {
            try
            {
                run.Apply(operations[step]);
                run.CheckInvariants();
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"step {step + 1}, {operations[step]}: {e.Message}", e);
            }
        }

        try
        {
            run.Drain();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"draining after the last step: {e.Message}", e);
        }
    }

    private static string Print((uint FirstId, int RecentlyEndedCapacity, SessionOperation[] Operations) scenario)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"FirstId {scenario.FirstId}, RecentlyEndedCapacity {scenario.RecentlyEndedCapacity}, {scenario.Operations.Length} operations:");
        for (var step = 0; step < scenario.Operations.Length; step++)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  {step + 1,3}. {scenario.Operations[step]}");
        }

        return text.ToString();
    }

    /// <summary>
    /// The message of a <c>Require</c>, formatted only when the condition fails: the checks run
    /// millions of times per test and formatting every message would cost most of its time.
    /// </summary>
    [InterpolatedStringHandler]
    private ref struct FailureMessage
    {
        private DefaultInterpolatedStringHandler _text;

        public FailureMessage(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
        {
            shouldAppend = !condition;
            _text = shouldAppend ? new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture) : default;
        }

        public void AppendLiteral(string value) => _text.AppendLiteral(value);

        public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

        public string ToStringAndClear() => _text.ToStringAndClear();
    }

    /// <summary>One scenario's table, its clock, and what the test saw happen to it.</summary>
    private sealed class ScenarioRun
    {
        private readonly ManualTimeProvider _clock = new(Specs.Epoch);
        private readonly SessionTable _table;
        private readonly int _recentlyEndedCapacity;
        private readonly List<Session> _opened = [];
        private readonly Dictionary<uint, Session> _latestWithId = [];
        private readonly Dictionary<Session, int> _announced = new(ReferenceEqualityComparer.Instance);
        private int _announcements;
        private int _checks;
        private TimeSpan _rewound;

        public ScenarioRun(uint firstId, int recentlyEndedCapacity)
        {
            _recentlyEndedCapacity = recentlyEndedCapacity;
            _table = new SessionTable(_clock, new SessionTableOptions { FirstId = firstId, RecentlyEndedCapacity = recentlyEndedCapacity });
            _table.SessionEnded += (_, e) =>
            {
                _announced[e.Session] = _announced.GetValueOrDefault(e.Session) + 1;
                _announcements++;
            };
        }

        public void Apply(SessionOperation operation)
        {
            switch (operation)
            {
                case SessionOperation.Open open:
                    Open(open);
                    break;
                case SessionOperation.RecordTraffic traffic:
                    var trafficId = traffic.Target.Resolve(_opened);
                    var refreshable = WillBeLive(trafficId);
                    Require(
                        _table.RecordTraffic(trafficId, traffic.BytesC2S, traffic.BytesS2C, traffic.PacketsC2S, traffic.PacketsS2C) == refreshable,
                        $"RecordTraffic({trafficId}) should return {refreshable}");
                    break;
                case SessionOperation.Establish establish:
                    var establishId = establish.Target.Resolve(_opened);
                    var establishable = WillBeLive(establishId) && _table.Find(establishId) is { } candidate
                        && (candidate.State == SessionState.Opening || (candidate.Type == SessionType.Predict && candidate.State == SessionState.Active));
                    Require(_table.Establish(establishId) == establishable, $"Establish({establishId}) should return {establishable}");
                    break;
                case SessionOperation.End end:
                    End(end);
                    break;
                case SessionOperation.Clear clear:
                    var clearId = clear.Target.Resolve(_opened);
                    var clearable = WillBeLive(clearId);
                    Require(_table.Clear(clearId) == clearable, $"Clear({clearId}) should return {clearable}");
                    break;
                case SessionOperation.ClearFilter clearFilter:
                    _table.Advance();
                    var filter = new SessionFilter { Protocol = clearFilter.Protocol, State = clearFilter.ActiveOnly ? SessionState.Active : null };
                    var matching = _table.Count(filter);
                    var cleared = _table.Clear(filter);
                    Require(cleared == matching, $"Clear(filter) cleared {cleared} sessions; {matching} matched");
                    Require(_table.Count(filter) == 0, "a session matching the filter survived Clear(filter)");
                    break;
                case SessionOperation.Advance advance:
                    _clock.Advance(advance.By);
                    _table.Advance();
                    break;
                case SessionOperation.Rewind rewind:
                    _clock.SetUtcNow(_clock.GetUtcNow().AddSeconds(-rewind.Seconds));
                    _rewound += TimeSpan.FromSeconds(rewind.Seconds);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(operation), operation, "An operation this test does not know.");
            }
        }

        /// <summary>Long after every timeout, including the time the clock was set back, nothing is left.</summary>
        public void Drain()
        {
            _clock.Advance(TimeSpan.FromSeconds(10_000) + _rewound);
            _table.Advance();
            CheckInvariants();
            Require(_table.LiveCount == 0, $"{_table.LiveCount} sessions outlived every timeout");
            Require(_table.PredictCount == 0, "a predict session outlived every timeout");
            Require(Protocols.All(protocol => _table.ActiveCount(protocol) == 0), "a protocol still counts active sessions");
        }

        public void CheckInvariants()
        {
            _table.CheckConsistency();
            var now = _clock.GetUtcNow();
            var scanned = _table.Scan().ToList();
            var live = new HashSet<Session>(scanned, ReferenceEqualityComparer.Instance);

            Require(scanned.Count == _table.LiveCount && live.Count == scanned.Count, $"Scan lists {scanned.Count} sessions; LiveCount is {_table.LiveCount}");
            Require(_table.Count() == _table.LiveCount, "Count() differs from LiveCount");
            for (var i = 1; i < scanned.Count; i++)
            {
                Require(scanned[i - 1].Id < scanned[i].Id, $"Scan lists id {scanned[i - 1].Id} before {scanned[i].Id}");
            }

            // `show session info`: allocated, active per protocol, predict, created since boot.
            var byProtocol = new int[256];
            var predict = 0;
            foreach (var session in scanned)
            {
                Require(_table.IsLive(session.Id) && ReferenceEquals(_table.Find(session.Id), session), $"listed session {session.Id} is not found by its id");
                Require(_table.ExpiresAt(session.Id) > now, $"session {session.Id} is due but still live");
                if (session.Type == SessionType.Predict)
                {
                    predict++;
                }
                else
                {
                    byProtocol[session.Protocol]++;
                }
            }

            for (var protocol = 0; protocol < byProtocol.Length; protocol++)
            {
                Require(_table.ActiveCount(protocol) == byProtocol[protocol], $"ActiveCount({protocol}) is {_table.ActiveCount(protocol)}; the table lists {byProtocol[protocol]}");
            }

            Require(_table.PredictCount == predict, $"PredictCount is {_table.PredictCount}; the table lists {predict}");
            Require(_table.CreatedSinceBoot == _opened.Count, $"CreatedSinceBoot is {_table.CreatedSinceBoot}; {_opened.Count} opened");
            Require(_table.RecentlyEndedCount <= _recentlyEndedCapacity, $"{_table.RecentlyEndedCount} recently ended sessions kept; the bound is {_recentlyEndedCapacity}");
            _checks++;
            CheckFilters(scanned);
            CheckEachOpenedSession(live);
        }

        private static void Require(bool condition, string what)
        {
            if (!condition)
            {
                throw new InvalidOperationException(what);
            }
        }

        private static void Require(bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref FailureMessage what)
        {
            if (!condition)
            {
                throw new InvalidOperationException(what.ToStringAndClear());
            }
        }

        private static void Expect<TException>(Action action, string what)
            where TException : Exception
        {
            try
            {
                action();
            }
            catch (Exception e) when (e.GetType() == typeof(TException))
            {
                return;
            }

            throw new InvalidOperationException($"{what} should throw {typeof(TException).Name}");
        }

        private static (SessionState ClientToServer, SessionState ServerToClient, SessionType Type) Opening(SessionSpec spec) =>
            spec switch
            {
                { Action: not RuleAction.Allow } => (SessionState.Discard, SessionState.Discard, spec.Type),
                { Type: SessionType.Predict } => (SessionState.Active, SessionState.Opening, SessionType.Predict),
                { Protocol: 6, Established: false } => (SessionState.Opening, SessionState.Opening, SessionType.Flow),
                _ => (SessionState.Active, SessionState.Active, SessionType.Flow),
            };

        /// <summary>Whether the session is live and stays so through the ager run that every mutator starts with.</summary>
        private bool WillBeLive(uint id) => _table.IsLive(id) && _table.ExpiresAt(id) > _clock.GetUtcNow();

        private void Open(SessionOperation.Open open)
        {
            var spec = Specs.Of(open.Protocol) with
            {
                SourcePort = open.SourcePort,
                Established = open.Established,
                Action = open.Action,
                Type = open.PredictParent is null ? SessionType.Flow : SessionType.Predict,
                ParentSession = open.PredictParent?.Resolve(_opened),
                TimeoutSeconds = open.TimeoutSeconds,
                Id = open.Id?.Resolve(_opened),
            };
            if (spec.Id is { } taken && WillBeLive(taken))
            {
                Expect<InvalidOperationException>(() => _table.Open(spec), $"Open with the live id {taken}");
                return;
            }

            var session = _table.Open(spec);
            _opened.Add(session);
            _latestWithId[session.Id] = session;
            Require(spec.Id is not { } id || session.Id == id, $"opened with id {spec.Id}, got {session.Id}");
            Require(_table.IsLive(session.Id) && ReferenceEquals(_table.Find(session.Id), session), $"opened session {session.Id} is not live");
            var expected = Opening(spec);
            Require(
                (session.State, session.ServerToClient.State, session.Type) == expected,
                $"opened session {session.Id} is {session.State}/{session.ServerToClient.State} {session.Type}; expected {expected}");
            Require(session.ParentSession == spec.ParentSession, $"opened session {session.Id} lost its parent");
        }

        private void End(SessionOperation.End end)
        {
            var id = end.Target.Resolve(_opened);
            var target = _table.Find(id);
            var endable = WillBeLive(id) && target!.State is SessionState.Opening or SessionState.Active;
            var tcpOnly = end.Stage is TrackerStage.TcpFin or TrackerStage.TcpRstClient or TrackerStage.TcpRstServer;
            if (endable && tcpOnly && target!.Protocol != SessionTimeouts.TcpProtocol)
            {
                Expect<ArgumentException>(() => _table.End(id, end.Stage), $"End({id}, {end.Stage}) of a {SessionOperation.ProtocolName(target.Protocol)} session");
            }
            else
            {
                Require(_table.End(id, end.Stage) == endable, $"End({id}, {end.Stage}) should return {endable}");
            }
        }

        /// <summary>
        /// Filtered counts and scans agree with the full scan (`show session all filter ...`, `count yes`,
        /// `start-at`). Each check probes one protocol and one state, taking turns: all of them every
        /// step would cost most of the test's time.
        /// </summary>
        private void CheckFilters(List<Session> scanned)
        {
            var protocol = Protocols[_checks % Protocols.Length];
            var state = States[_checks % States.Length];
            uint?[] startAts = scanned.Count == 0 ? [null, 1] : [null, scanned[scanned.Count / 2].Id, scanned[^1].Id + 1];
            foreach (var startAt in startAts)
            {
                var filter = new SessionFilter { Protocol = protocol, StartAt = startAt };
                var expected = scanned.Where(s => s.Protocol == protocol && (startAt is null || s.Id >= startAt)).Select(s => s.Id).ToList();
                Require(_table.Scan(filter).Select(s => s.Id).SequenceEqual(expected), $"Scan({filter}) differs from the filtered full scan");
                var counted = _table.Count(filter);
                Require(counted == expected.Count, $"Count({filter}) is {counted}; the full scan has {expected.Count}");
            }

            var inState = _table.Count(new SessionFilter { State = state });
            var expectedInState = scanned.Count(s => s.State == state);
            Require(inState == expectedInState, $"Count(state {state}) is {inState}; the full scan has {expectedInState}");
        }

        /// <summary>Every session ever opened is in exactly one place (live or freed) and was announced once iff it ended.</summary>
        private void CheckEachOpenedSession(HashSet<Session> live)
        {
            var announcedOpened = 0;
            var freedSoFar = _opened.Count - live.Count;
            foreach (var session in _opened)
            {
                var id = session.Id;
                var times = _announced.GetValueOrDefault(session);
                announcedOpened += times;
                var expectedReason = session.TrackerStage == TrackerStage.None ? EndReason.Unknown : SessionNames.EndReasonOf(session.TrackerStage);
                Require(session.EndReason == expectedReason, $"session {id} ended '{SessionNames.Of(session.TrackerStage)}' with end reason {session.EndReason}");
                Require(session.ServerToClient.Type == session.Type, $"session {id}'s flows have different types");
                var predictOpening = session.Type == SessionType.Predict && session.State == SessionState.Active && session.ServerToClient.State == SessionState.Opening;
                Require(predictOpening || session.ServerToClient.State == session.State, $"session {id}'s flows are {session.State} and {session.ServerToClient.State}");
                if (live.Contains(session))
                {
                    var ended = session.State is SessionState.Discard or SessionState.Closing;
                    Require(session.InAger, $"live session {id} is not in the ager");
                    Require(times == (ended ? 1 : 0), $"live {session.State} session {id} was announced {times} times");
                    Require(session.EndTime is not null == ended, $"live {session.State} session {id} has end time {session.EndTime}");
                    Require(ReferenceEquals(_latestWithId[id], session), $"live session {id} shares its id with a later session");
                }
                else
                {
                    Require(session.State == SessionState.Init && session.ServerToClient.State == SessionState.Init, $"freed session {id} is {session.State}/{session.ServerToClient.State}");
                    Require(!session.InAger, $"freed session {id} is in the ager");
                    Require(session.EndTime is not null, $"freed session {id} has no end time");
                    Require(times == 1, $"freed session {id} was announced {times} times");

                    // Readable by id unless a later session took the id or the bounded store dropped it.
                    var found = _table.Find(id);
                    Require(found is null || ReferenceEquals(found, _latestWithId[id]), $"Find({id}) returns neither the freed session nor the one that took its id");
                    Require(!ReferenceEquals(found, session) || !_table.IsLive(id), $"freed session {id} is live");
                    Require(found is not null || freedSoFar > _recentlyEndedCapacity, $"freed session {id} is gone though the recently ended store never overflowed");
                }
            }

            Require(announcedOpened == _announcements, $"{_announcements - announcedOpened} announcements were of sessions nobody opened");
        }
    }
}
