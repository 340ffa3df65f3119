using VirtualFirewall.Engine.Policy;
using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Engine.Traffic;

/// <summary>
/// Makes a device's sessions out of a <see cref="TrafficProfile"/>, on the device clock: sessions open
/// at the profile's rate, complete their handshakes, carry traffic (bytes and layer-7 packets growing
/// through <see cref="SessionTable.RecordTraffic"/>), and end by their chosen cause at their chosen
/// time, or fall silent and age out.
/// <para>
/// The generator keeps its own agenda (one pending step per session it drives, plus the next arrival)
/// and at most one event in <see cref="Device.Schedule"/>: the earliest step of the agenda. When that
/// event runs (the device holding its clock at the event's time while it catches up) the generator does
/// every step due then and schedules the next event, so a long run never piles events up, and sessions
/// and ageing interleave in time order however far the clock jumps. A jump beyond
/// <see cref="TrafficProfile.CatchUpLimit"/> is not simulated in full: see there.
/// </para>
/// <para>
/// Every random choice comes from one seeded <see cref="Random"/> (the profile's <see cref="TrafficProfile.Seed"/>
/// or one number drawn from the device's seeded random source at <see cref="Start"/>), and every time
/// from the device clock, so the same seed and the same clock moves give the same sessions, ids and
/// values every time. It runs under the device's lock, as scheduled events do.
/// </para>
/// </summary>
public sealed class TrafficGenerator
{
    /// <summary>The data connection of a passive FTP transfer (reference §3.1 sample B).</summary>
    private static readonly TrafficApplication FtpData = new("ftp-data", SessionTimeouts.TcpProtocol, 0, 1)
    {
        MinLifetimeSeconds = 0.5,
        MaxLifetimeSeconds = 20,
        ExchangeSeconds = 1,
        ClientPacketBytes = 66,
        ServerPacketBytes = 1460,
        ServerPacketsPerExchange = 40,
    };

    // Sample B: a predict session waits 60 s for its connection.
    private const int PredictTimeoutSeconds = 60;
    private const int MaxExchanges = 40;
    private const int SynBytes = 74;
    private const int AckBytes = 66;
    private const int RstBytes = 60;

    private readonly Device _device;
    private readonly Random _random;
    private readonly TrafficFlow[][] _flowsByKind;
    private readonly HashSet<string> _profileRules;
    private readonly PriorityQueue<GeneratedSession, (long At, long Order)> _agenda = new();
    private readonly long _meanGapTicks;
    private long _order;
    private long _nextArrival;
    private long _tickAt;
    private long _token;
    private bool _tickPending;
    private volatile bool _stopped;

    private TrafficGenerator(Device device, TrafficProfile profile, Random random)
    {
        _device = device;
        Profile = profile;
        _random = random;
        _flowsByKind = [.. Enum.GetValues<TrafficFlowKind>().Select(kind => profile.Flows.Where(f => f.Kind == kind && f.Weight > 0).ToArray())];
        _profileRules = [.. profile.Flows.SelectMany(f => f.Applications.Select(a => a.Rule ?? f.Rule))];
        _meanGapTicks = (long)(TimeSpan.TicksPerMinute / profile.SessionsPerMinute);
    }

    public TrafficProfile Profile { get; }

    /// <summary>False once <see cref="Stop"/> was called.</summary>
    public bool IsRunning => !_stopped;

    /// <summary>Sessions the generator opened (predict sessions included).</summary>
    public long SessionsOpened { get; private set; }

    /// <summary>Sessions the generator still drives (each has one pending step); the others are left to the ager.</summary>
    public int PendingSessions => _agenda.Count;

    /// <summary>When the generator's next event in <see cref="Device.Schedule"/> runs, or null if none is pending.</summary>
    public DateTimeOffset? NextEventAt => _tickPending && !_stopped ? new DateTimeOffset(_tickAt, TimeSpan.Zero) : null;

    /// <summary>
    /// Starts generating traffic on <paramref name="device"/>: the first session opens shortly after
    /// <paramref name="startAt"/> (default: now). A start in the past is simulated when the device next
    /// catches up, which gives a freshly made device a history; it must not be earlier than the time
    /// the device has already caught up to. Call it before the device is shared, or from a scheduled event.
    /// </summary>
    public static TrafficGenerator Start(Device device, TrafficProfile profile, DateTimeOffset? startAt = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(profile);
        profile.Validate();
        var random = new Random(profile.Seed ?? device.Random.Next());
        var generator = new TrafficGenerator(device, profile, random);
        generator._nextArrival = (startAt ?? device.Clock.UtcNow).UtcTicks + generator.ArrivalGap();
        generator.EnsureScheduled();
        return generator;
    }

    /// <summary>No session opens and no step runs from now on; the sessions already open are left to the ager.</summary>
    public void Stop() => _stopped = true;

    /// <summary>
    /// Plans one session that opens at <paramref name="at"/> and ends with <paramref name="stage"/>,
    /// on a flow and application of the profile that can end so, drawn from the generator's random source.
    /// </summary>
    internal void Inject(DateTimeOffset at, TrackerStage stage, double? lifetimeSeconds = null)
    {
        var kind = TrafficProfile.KindOf(stage);
        var flows = _flowsByKind[(int)kind].Where(f => f.Applications.Any(a => a.Weight > 0 && CanEnd(a, stage))).ToArray();
        if (flows.Length == 0)
        {
            throw new InvalidOperationException($"The profile has no flow that can end {SessionNames.Of(stage)}.");
        }

        var flow = Pick(flows, f => f.Weight);
        var application = Pick(flow.Applications.Where(a => a.Weight > 0 && CanEnd(a, stage)).ToArray(), a => a.Weight);
        var plan = new GeneratedSession(flow, application, stage, lifetimeSeconds ?? Lifetime(application));
        Enqueue(plan, GeneratedStep.Open, at.UtcTicks);
        EnsureScheduled();
    }

    private static bool CanEnd(TrafficApplication application, TrackerStage stage) => stage switch
    {
        TrackerStage.TcpFin or TrackerStage.TcpRstClient => application.Protocol == SessionTimeouts.TcpProtocol && application.CompletesHandshake,
        TrackerStage.TcpRstServer => application.Protocol == SessionTimeouts.TcpProtocol,
        TrackerStage.MitigationTdb or TrackerStage.ResourceLimit => application.CompletesHandshake,
        _ => true,
    };

    private static long Ticks(double seconds) => (long)(seconds * 1000) * TimeSpan.TicksPerMillisecond;

    private void EnsureScheduled()
    {
        if (_stopped)
        {
            return;
        }

        var next = _agenda.TryPeek(out _, out var key) ? Math.Min(key.At, _nextArrival) : _nextArrival;
        if (_tickPending && _tickAt <= next)
        {
            return;
        }

        // An earlier event supersedes a pending one, which then runs as a no-op.
        _tickAt = next;
        _tickPending = true;
        var token = ++_token;
        _device.Schedule.At(new DateTimeOffset(next, TimeSpan.Zero), _ => Run(token));
    }

    /// <summary>The scheduled event: the device holds its clock at <see cref="_tickAt"/> while this runs.</summary>
    private void Run(long token)
    {
        if (_stopped || token != _token)
        {
            return;
        }

        _tickPending = false;
        var now = _tickAt;
        var clock = _device.Clock.UtcNow.UtcTicks;
        if (clock - now > Profile.CatchUpLimit.Ticks)
        {
            // The clock ran far ahead: leave the sessions in flight to the ager and resume the limit before now.
            _agenda.Clear();
            _nextArrival = clock - Profile.CatchUpLimit.Ticks + ArrivalGap();
            EnsureScheduled();
            return;
        }

        while (!_stopped)
        {
            var stepAt = _agenda.TryPeek(out _, out var key) ? key.At : long.MaxValue;
            if (_nextArrival <= stepAt)
            {
                if (_nextArrival > now)
                {
                    break;
                }

                Arrive(now);
                _nextArrival += ArrivalGap();
            }
            else
            {
                if (stepAt > now)
                {
                    break;
                }

                Step(_agenda.Dequeue(), now);
            }
        }

        EnsureScheduled();
    }

    /// <summary>
    /// Opens <paramref name="count"/> established TCP sessions of the profile's allowed flows and leaves
    /// them alone: they stay in the table until they age out (an hour by default), for large tables
    /// and listings such as a million-session `show session all`.
    /// </summary>
    /// <param name="count">How many.</param>
    public void OpenResident(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var flows = _flowsByKind[(int)TrafficFlowKind.Forward]
            .Select(f => f with { Applications = [.. f.Applications.Where(a => a.Protocol == SessionTimeouts.TcpProtocol)] })
            .Where(f => f.Applications.Count > 0)
            .ToList();
        // One attempt per session asked for: a policy that denies a flow opens fewer, never loops.
        for (var attempt = 0; attempt < count && flows.Count > 0; attempt++)
        {
            var flow = Pick(flows, f => f.Weight);
            var application = Pick(flow.Applications, a => a.Weight);
            var spec = Spec(flow, application);
            var rule = Lookup(flow, application, spec);
            if (rule.Verdict == RuleAction.Allow)
            {
                _device.Sessions.Open(spec with { Rule = rule.Name, Action = rule.Verdict, Established = true });
            }
        }
    }

    private void Arrive(long now)
    {
        var stage = Pick(Profile.EndCauses, c => c.Weight).Stage;
        var kind = TrafficProfile.KindOf(stage);
        var flow = Pick(_flowsByKind[(int)kind], f => f.Weight);
        var application = Pick(flow.Applications, a => a.Weight);
        if (kind == TrafficFlowKind.Forward && !CanEnd(application, stage))
        {
            // A UDP or ICMP session has no FIN or RST, a handshake never answered nothing to inspect: they fall silent.
            stage = TrackerStage.AgedOut;
        }

        Open(new GeneratedSession(flow, application, stage, Lifetime(application)), now);
    }

    private void Step(GeneratedSession plan, long now)
    {
        switch (plan.Next)
        {
            case GeneratedStep.Open:
                Open(plan, now);
                break;
            case GeneratedStep.Establish:
                Establish(plan, now);
                break;
            case GeneratedStep.Exchange:
                Exchange(plan, now);
                break;
            case GeneratedStep.Retransmit:
                Retransmit(plan, now);
                break;
            default:
                Finish(plan);
                break;
        }
    }

    private void Open(GeneratedSession plan, long now)
    {
        var flow = plan.Flow;
        var application = plan.Application;
        var spec = Spec(flow, application);
        var rule = Lookup(flow, application, spec);
        var kind = rule.Verdict != RuleAction.Allow ? TrafficFlowKind.Denied : flow.ToFirewall ? TrafficFlowKind.ToFirewall : TrafficFlowKind.Forward;
        if (kind != flow.Kind)
        {
            // The running policy decided otherwise than the flow was written for: a denied session,
            // or an allowed one that ends as the application's sessions usually do.
            plan.Stage = kind == TrafficFlowKind.Denied ? TrackerStage.AppidPolicyLookupDeny
                : CanEnd(application, TrackerStage.TcpFin) ? TrackerStage.TcpFin : TrackerStage.AgedOut;
        }

        var session = _device.Sessions.Open(spec with { Rule = rule.Name, Action = rule.Verdict });
        plan.Session = session;
        SessionsOpened++;
        var tcp = application.Protocol == SessionTimeouts.TcpProtocol;
        switch (kind)
        {
            case TrafficFlowKind.Denied:
                // The first packet finds the session already discarding; TCP clients try their SYN again.
                Record(plan, tcp ? SynBytes : application.ClientPacketBytes, 0, 1, 0);
                if (tcp)
                {
                    Retransmits(plan, now, _random.Next(3));
                }

                break;
            case TrafficFlowKind.ToFirewall:
                Record(plan, tcp ? SynBytes : application.ClientPacketBytes, 0, 1, 0);
                _device.Sessions.End(session.Id, TrackerStage.HostService);
                break;
            default:
                if (!tcp)
                {
                    Exchanges(plan, now);
                    Exchange(plan, now);
                }
                else
                {
                    Record(plan, SynBytes, 0, 1, 0);
                    var roundTrip = Ticks(0.005 + (_random.NextDouble() * 0.145));
                    if (application.CompletesHandshake)
                    {
                        Enqueue(plan, GeneratedStep.Establish, now + roundTrip);
                    }
                    else if (plan.Stage == TrackerStage.TcpRstServer)
                    {
                        Enqueue(plan, GeneratedStep.Finish, now + roundTrip);
                    }
                    else
                    {
                        Retransmits(plan, now, _random.Next(3));
                    }
                }

                break;
        }
    }

    private void Retransmits(GeneratedSession plan, long now, int count)
    {
        plan.RetransmitsLeft = count;
        if (count > 0)
        {
            Enqueue(plan, GeneratedStep.Retransmit, now + TimeSpan.TicksPerSecond);
        }
    }

    private void Retransmit(GeneratedSession plan, long now)
    {
        if (!Record(plan, SynBytes, 0, 1, 0))
        {
            return;
        }

        plan.Retransmits++;
        plan.RetransmitsLeft--;
        if (plan.RetransmitsLeft > 0)
        {
            // The SYN timer doubles: 1 s, 2 s, 4 s.
            Enqueue(plan, GeneratedStep.Retransmit, now + (TimeSpan.TicksPerSecond << plan.Retransmits));
        }
    }

    private void Establish(GeneratedSession plan, long now)
    {
        if (!_device.Sessions.Establish(plan.Session!.Id))
        {
            return;
        }

        if (plan.Parent is null)
        {
            // SYN-ACK back, ACK out.
            Record(plan, AckBytes, SynBytes, 1, 1);
        }
        else
        {
            // The data connection's whole handshake arrives now.
            Record(plan, SynBytes + AckBytes, SynBytes, 2, 1);
        }

        Exchanges(plan, now);
        Enqueue(plan, GeneratedStep.Exchange, now + Ticks(0.001 + (_random.NextDouble() * 0.05)));
    }

    /// <summary>Spreads the session's exchanges over its lifetime, never further apart than half its idle timeout.</summary>
    private static void Exchanges(GeneratedSession plan, long now)
    {
        var application = plan.Application;
        var session = plan.Session!;
        var idle = session.TimeoutSeconds;
        var widest = Math.Min(idle / 2.0, 60);
        var lifetime = Math.Min(plan.LifetimeSeconds, widest * MaxExchanges);
        var count = (int)Math.Clamp(Math.Ceiling(Math.Max(lifetime / application.ExchangeSeconds, lifetime / widest)), 1, MaxExchanges);
        plan.LifetimeSeconds = lifetime;
        plan.FirstExchangeAt = now;
        plan.EndAt = now + Ticks(lifetime);
        plan.Exchanges = count;
        plan.ExchangesDone = 0;
        plan.Interval = (plan.EndAt - now) / count;
    }

    private void Exchange(GeneratedSession plan, long now)
    {
        var application = plan.Application;
        var up = 1 + _random.Next(2);
        var down = 1 + _random.Next(application.ServerPacketsPerExchange);
        var upBytes = (long)(up * application.ClientPacketBytes * (0.6 + (_random.NextDouble() * 0.8)));
        var downBytes = (long)(down * application.ServerPacketBytes * (0.6 + (_random.NextDouble() * 0.8)));
        if (application.Protocol != SessionTimeouts.TcpProtocol)
        {
            // A datagram or an echo answered by one.
            (up, down, upBytes, downBytes) = (1, 1, application.ClientPacketBytes, application.ServerPacketBytes);
        }

        if (!Record(plan, upBytes, downBytes, up, down))
        {
            return;
        }

        plan.ExchangesDone++;
        if (application.OpensPredict && !plan.PredictOpened)
        {
            plan.PredictOpened = true;
            OpenPredict(plan, now);
        }

        if (plan.ExchangesDone < plan.Exchanges)
        {
            // On a grid of one interval, each a quarter interval early or late: no silence outlasts the idle timeout.
            var jitter = (long)(plan.Interval * (_random.NextDouble() - 0.5) / 2);
            var at = plan.FirstExchangeAt + (plan.Interval * plan.ExchangesDone) + jitter;
            Enqueue(plan, GeneratedStep.Exchange, Math.Clamp(at, now + TimeSpan.TicksPerMillisecond, Math.Max(plan.EndAt, now + TimeSpan.TicksPerMillisecond)));
        }
        else if (plan.Stage != TrackerStage.AgedOut)
        {
            Enqueue(plan, GeneratedStep.Finish, Math.Max(plan.EndAt, now));
        }
    }

    /// <summary>Passive FTP: the control session announces a data port and the firewall predicts the connection.</summary>
    private void OpenPredict(GeneratedSession control, long now)
    {
        var parent = control.Session!;
        var flow = control.Flow;
        var c2s = parent.ClientToServer;
        var spec = new SessionSpec(c2s.Source, flow.FromZone, 0, c2s.Destination, flow.ToZone, _random.Next(1024, 65536), SessionTimeouts.TcpProtocol)
        {
            Type = SessionType.Predict,
            ParentSession = parent.Id,
            Application = FtpData.Name,
            Rule = string.Empty,
            LogAtEnd = false,
            TimeoutSeconds = PredictTimeoutSeconds,
            TranslatedSource = flow.SourceNat,
            NatRule = flow.SourceNat is null ? null : flow.NatRule,
            IngressInterface = flow.IngressInterface,
            EgressInterface = flow.EgressInterface,
            TraversesTunnel = flow.TraversesTunnel,
        };
        var session = _device.Sessions.Open(spec);
        SessionsOpened++;

        // Most transfers start at once; the rest are abandoned and the prediction ages out unused.
        if (_random.Next(4) == 0)
        {
            return;
        }

        var plan = new GeneratedSession(flow, FtpData, TrackerStage.TcpFin, Lifetime(FtpData)) { Session = session, Parent = parent };
        Enqueue(plan, GeneratedStep.Establish, now + Ticks(0.2 + (_random.NextDouble() * 1.8)));
    }

    private void Finish(GeneratedSession plan)
    {
        var recorded = plan.Stage switch
        {
            TrackerStage.TcpFin => Record(plan, AckBytes, AckBytes, 1, 1),
            TrackerStage.TcpRstClient => Record(plan, RstBytes, 0, 1, 0),
            TrackerStage.TcpRstServer => Record(plan, 0, RstBytes, 0, 1),
            _ => Record(plan, plan.Application.ClientPacketBytes, 0, 1, 0),
        };
        if (recorded)
        {
            _device.Sessions.End(plan.Session!.Id, plan.Stage);
        }
    }

    /// <summary>Counts traffic on the plan's session; false (and the plan is dropped) if it is no longer live.</summary>
    private bool Record(GeneratedSession plan, long bytesUp, long bytesDown, long packetsUp, long packetsDown) =>
        _device.Sessions.RecordTraffic(plan.Session!.Id, bytesUp, bytesDown, packetsUp, packetsDown);

    /// <summary>
    /// The security rule of the running configuration that the session matches: zones and pre-NAT
    /// addresses of the flow, protocol, port and application. Where the first match is another rule
    /// the profile itself names, the flow keeps the rule it was written for while that rule is
    /// enabled: the profile's own rules partition its traffic (DefaultConfiguration's deny-untrust,
    /// with service any, sits above allow-untrust-to-dmz-web, and allow-dns does not name the dmz
    /// zone its DNS server is in), while any other rule (one an administrator added) takes its turn
    /// in rulebase order.
    /// </summary>
    private SecurityRule Lookup(TrafficFlow flow, TrafficApplication application, SessionSpec spec)
    {
        var policy = SecurityPolicy.Of(_device.Configuration.Running);
        var port = application.Protocol == SessionTimeouts.IcmpProtocol ? (int?)null : spec.DestinationPort;
        var query = new PolicyQuery(flow.FromZone, flow.ToZone, spec.Source, spec.Destination, application.Protocol, port) { Application = application.Name };
        var match = policy.Match(query)!;
        var named = application.Rule ?? flow.Rule;
        return !string.Equals(match.Name, named, StringComparison.Ordinal) && _profileRules.Contains(match.Name) && policy.Find(named) is { } own
            ? own
            : match;
    }

    private SessionSpec Spec(TrafficFlow flow, TrafficApplication application)
    {
        var source = flow.Sources.Pick(_random);
        var destination = (application.Destinations ?? flow.Destinations).Pick(_random);
        int sourcePort, destinationPort;
        if (application.Protocol == SessionTimeouts.IcmpProtocol)
        {
            // Sample A: an echo's id (1 from Windows hosts) and sequence number stand for the ports.
            sourcePort = _random.Next(2) == 0 ? 1 : _random.Next(256, 65536);
            destinationPort = _random.Next(1, 4096);
        }
        else
        {
            sourcePort = _random.Next(49152, 65536);
            destinationPort = application.Port;
        }

        var portNat = flow.SourceNat is not null && application.Protocol is SessionTimeouts.TcpProtocol or SessionTimeouts.UdpProtocol;
        return new SessionSpec(source, flow.FromZone, sourcePort, destination, flow.ToZone, destinationPort, application.Protocol)
        {
            Application = application.Name,
            Rule = application.Rule ?? flow.Rule,
            Action = flow.Action,
            TranslatedSource = flow.SourceNat,
            TranslatedSourcePort = portNat ? _random.Next(1024, 65536) : null,
            TranslatedDestination = flow.DestinationNat,
            NatRule = flow.SourceNat is null && flow.DestinationNat is null ? null : flow.NatRule,
            IngressInterface = flow.IngressInterface,
            EgressInterface = flow.EgressInterface,
            TraversesTunnel = flow.TraversesTunnel,
            TerminatedOnHost = flow.ToFirewall,
            TimeoutSeconds = application.TimeoutSeconds,
        };
    }

    private void Enqueue(GeneratedSession plan, GeneratedStep step, long at)
    {
        plan.Next = step;
        _agenda.Enqueue(plan, (at, _order++));
    }

    /// <summary>The time to the next arrival: between none and twice the mean gap, the mean most likely.</summary>
    private long ArrivalGap() =>
        Math.Max(TimeSpan.TicksPerMillisecond, (long)(_meanGapTicks * (_random.NextDouble() + _random.NextDouble())) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond);

    /// <summary>A lifetime between the application's bounds, most sessions short and a few long.</summary>
    private double Lifetime(TrafficApplication application)
    {
        var u = _random.NextDouble();
        return application.MinLifetimeSeconds + ((application.MaxLifetimeSeconds - application.MinLifetimeSeconds) * u * u * u);
    }

    private T Pick<T>(IReadOnlyList<T> items, Func<T, int> weight)
    {
        var total = 0;
        foreach (var item in items)
        {
            total += weight(item);
        }

        var draw = _random.Next(total);
        foreach (var item in items)
        {
            draw -= weight(item);
            if (draw < 0)
            {
                return item;
            }
        }

        throw new InvalidOperationException("Nothing to pick from.");
    }
}
