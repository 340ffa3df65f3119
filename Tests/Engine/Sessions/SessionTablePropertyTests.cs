using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Engine.Time;

namespace VirtualFirewall.Tests.Engine.Sessions;

/// <summary>
/// Random sequences of opens, traffic, handshakes, ends, clears and clock moves (each seed one
/// sequence) keep the table's invariants after every step.
/// </summary>
[TestFixture]
public sealed class SessionTablePropertyTests
{
    private static readonly int[] Protocols = [6, 6, 6, 17, 17, 1, 132, 47];
    private static readonly TrackerStage[] Stages = [.. Enum.GetValues<TrackerStage>().Where(s => s != TrackerStage.None)];

    [Test]
    public void RandomSequencesKeepTheInvariants([Range(0, 199)] int seed)
    {
        var random = new Random(seed);
        var options = new SessionTableOptions
        {
            FirstId = (uint)random.Next(1, 50),
            RecentlyEndedCapacity = random.Next(2) == 0 ? 100_000 : random.Next(0, 20),
        };
        var clock = new ManualTimeProvider(Specs.Epoch);
        var table = new SessionTable(clock, options);
        var announced = new Dictionary<Session, int>(ReferenceEqualityComparer.Instance);
        table.SessionEnded += (_, e) => announced[e.Session] = announced.GetValueOrDefault(e.Session) + 1;
        var opened = new List<Session>();

        var steps = random.Next(50, 300);
        for (var step = 0; step < steps; step++)
        {
            var operation = random.Next(100);
            var id = PickId(random, opened);
            var willBeLive = table.IsLive(id) && table.ExpiresAt(id) > clock.GetUtcNow();
            var context = $"seed {seed}, step {step}, operation {operation}, id {id}";
            switch (operation)
            {
                case < 30:
                    var spec = RandomSpec(random);
                    if (random.Next(100) < 15)
                    {
                        spec = spec with { Id = id };
                        willBeLive = table.IsLive(id) && table.ExpiresAt(id) > clock.GetUtcNow();
                    }

                    if (spec.Id is not null && willBeLive)
                    {
                        Assert.That(() => table.Open(spec), Throws.InvalidOperationException, context);
                    }
                    else
                    {
                        opened.Add(table.Open(spec));
                    }

                    break;
                case < 50:
                    Assert.That(table.RecordTraffic(id, random.Next(2000), random.Next(2000), random.Next(5), random.Next(5)), Is.EqualTo(willBeLive), context);
                    break;
                case < 58:
                    var establishable = willBeLive && table.Find(id) is { } candidate && (candidate.State == SessionState.Opening || (candidate.Type == SessionType.Predict && candidate.State == SessionState.Active));
                    Assert.That(table.Establish(id), Is.EqualTo(establishable), context);
                    break;
                case < 72:
                    var stage = Stages[random.Next(Stages.Length)];
                    var target = table.Find(id);
                    var endable = willBeLive && target!.State is SessionState.Opening or SessionState.Active;
                    var tcpOnly = stage is TrackerStage.TcpFin or TrackerStage.TcpRstClient or TrackerStage.TcpRstServer;
                    if (endable && tcpOnly && target!.Protocol != 6)
                    {
                        Assert.That(() => table.End(id, stage), Throws.ArgumentException, context);
                    }
                    else
                    {
                        Assert.That(table.End(id, stage), Is.EqualTo(endable), context);
                    }

                    break;
                case < 78:
                    Assert.That(table.Clear(id), Is.EqualTo(willBeLive), context);
                    break;
                case < 80:
                    table.Advance();
                    var filter = new SessionFilter { Protocol = Protocols[random.Next(Protocols.Length)], State = random.Next(2) == 0 ? null : SessionState.Active };
                    var matching = table.Count(filter);
                    Assert.That(table.Clear(filter), Is.EqualTo(matching), context);
                    Assert.That(table.Count(filter), Is.Zero, context);
                    break;
                case < 97:
                    clock.Advance(TimeSpan.FromSeconds(random.Next(10) == 0 ? random.Next(4000) : random.Next(40)));
                    table.Advance();
                    break;
                default:
                    clock.SetUtcNow(clock.GetUtcNow().AddSeconds(-random.Next(1, 30)));
                    break;
            }

            CheckInvariants(table, clock, opened, announced, random, context);
        }

        clock.Advance(TimeSpan.FromSeconds(10_000));
        table.Advance();
        CheckInvariants(table, clock, opened, announced, random, $"seed {seed}, drained");
        Assert.That(table.LiveCount, Is.Zero);
        Assert.That(table.PredictCount, Is.Zero);
        Assert.That(Protocols.Select(table.ActiveCount), Is.All.Zero);
        Assert.That(table.CreatedSinceBoot, Is.EqualTo(opened.Count));
    }

    private static uint PickId(Random random, List<Session> opened) =>
        opened.Count > 0 && random.Next(10) < 8 ? opened[random.Next(opened.Count)].Id : (uint)random.Next(1, 400);

    private static SessionSpec RandomSpec(Random random)
    {
        var protocol = Protocols[random.Next(Protocols.Length)];
        var spec = Specs.Of(protocol) with
        {
            SourcePort = random.Next(1024, 65536),
            Established = random.Next(2) == 0,
            Type = random.Next(10) == 0 ? SessionType.Predict : SessionType.Flow,
            Action = random.Next(100) switch
            {
                < 10 => RuleAction.Deny,
                < 15 => RuleAction.Drop,
                _ => RuleAction.Allow,
            },
        };
        return random.Next(5) == 0 ? spec with { TimeoutSeconds = random.Next(1, 120) } : spec;
    }

    private static void CheckInvariants(
        SessionTable table, ManualTimeProvider clock, List<Session> opened, Dictionary<Session, int> announced, Random random, string context)
    {
        Assert.That(table.CheckConsistency, Throws.Nothing, context);

        var scanned = table.Scan().ToList();
        Assert.That(scanned.Select(s => s.Id), Is.Ordered.Ascending.And.Unique, context);
        Assert.That(scanned, Has.Count.EqualTo(table.LiveCount), context);
        foreach (var protocol in Protocols.Distinct())
        {
            Assert.That(table.ActiveCount(protocol), Is.EqualTo(scanned.Count(s => s.Type == SessionType.Flow && s.Protocol == protocol)), context);
        }

        Assert.That(table.PredictCount, Is.EqualTo(scanned.Count(s => s.Type == SessionType.Predict)), context);
        Assert.That(scanned.Select(s => table.ExpiresAt(s.Id)), Is.All.GreaterThan(clock.GetUtcNow()), context + ": a due session is still live");

        var filter = new SessionFilter { Protocol = Protocols[random.Next(Protocols.Length)], StartAt = (uint)random.Next(0, 200) };
        Assert.That(table.Count(filter), Is.EqualTo(table.Scan(filter).Count()), context);
        Assert.That(table.Scan(filter).Select(s => s.Id), Is.All.GreaterThanOrEqualTo(filter.StartAt), context);

        foreach (var session in opened)
        {
            var current = ReferenceEquals(table.Find(session.Id), session);
            var live = current && table.IsLive(session.Id);
            var times = announced.GetValueOrDefault(session);
            Assert.That(session.EndReason, Is.EqualTo(session.TrackerStage == TrackerStage.None ? EndReason.Unknown : SessionNames.EndReasonOf(session.TrackerStage)), context);
            if (live)
            {
                Assert.That(session.InAger, Is.True, context);
                var ended = session.State is SessionState.Discard or SessionState.Closing;
                Assert.That(times, Is.EqualTo(ended ? 1 : 0), context);
                Assert.That(session.EndTime is not null, Is.EqualTo(ended), context);
            }
            else
            {
                // Freed: readable by id unless its slot was reused or the bounded store dropped it; never in two places.
                Assert.That(scanned, Does.Not.Contain(session), context);
                Assert.That(session.State, Is.EqualTo(SessionState.Init), context);
                Assert.That(session.ServerToClient.State, Is.EqualTo(SessionState.Init), context);
                Assert.That(session.InAger, Is.False, context);
                Assert.That(session.EndTime, Is.Not.Null, context);
                Assert.That(times, Is.EqualTo(1), context);
            }
        }
    }
}
