using System.Net;
using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Engine.Traffic;

namespace VirtualFirewall.Tests.Engine.Traffic;

[TestFixture]
public sealed class TrafficGeneratorTests
{
    [Test]
    public void TheSameSeedAndClockMovesGiveTheSameSessionsAndLog()
    {
        var (first, firstClock) = TrafficDevices.New(seed: 7);
        var (second, secondClock) = TrafficDevices.New(seed: 7);
        TrafficGenerator.Start(first, TrafficProfile.Default);
        TrafficGenerator.Start(second, TrafficProfile.Default);

        // Uneven steps, the same on both.
        foreach (var seconds in new[] { 1, 3, 7, 60, 2, 900, 1, 45, 300, 5, 1200 })
        {
            firstClock.Advance(TimeSpan.FromSeconds(seconds));
            secondClock.Advance(TimeSpan.FromSeconds(seconds));
            first.CatchUp();
            second.CatchUp();
        }

        var table = TrafficDevices.Table(first);
        var log = TrafficDevices.Log(first);
        Assert.Multiple(() =>
        {
            Assert.That(first.Sessions.CreatedSinceBoot, Is.GreaterThan(500));
            Assert.That(log, Has.Count.GreaterThan(300));
            Assert.That(TrafficDevices.Table(second), Is.EqualTo(table));
            Assert.That(TrafficDevices.Log(second), Is.EqualTo(log));
        });
    }

    [Test]
    public void AnotherSeedGivesOtherTraffic()
    {
        var (first, firstClock) = TrafficDevices.New(seed: 7);
        var (second, secondClock) = TrafficDevices.New(seed: 8);
        TrafficGenerator.Start(first, TrafficProfile.Default);
        TrafficGenerator.Start(second, TrafficProfile.Default);

        first.Run(firstClock, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(5));
        second.Run(secondClock, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(5));

        Assert.That(TrafficDevices.Table(second), Is.Not.EqualTo(TrafficDevices.Table(first)));
    }

    [Test]
    public void TheProfileSeedOverridesTheDeviceSeed()
    {
        var (first, firstClock) = TrafficDevices.New(seed: 7);
        var (second, secondClock) = TrafficDevices.New(seed: 8);
        var profile = TrafficProfile.Default with { Seed = 42 };
        TrafficGenerator.Start(first, profile);
        TrafficGenerator.Start(second, profile);

        first.Run(firstClock, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(5));
        second.Run(secondClock, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(5));

        Assert.That(TrafficDevices.Table(second), Is.EqualTo(TrafficDevices.Table(first)));
    }

    [Test]
    public void SessionsOpenAtTheProfileRate()
    {
        var (device, clock) = TrafficDevices.New();
        var generator = TrafficGenerator.Start(device, TrafficProfile.Default);

        device.Run(clock, TimeSpan.FromHours(1), TimeSpan.FromSeconds(10));

        // The profile's rate, plus a few predict sessions of FTP transfers.
        var hour = TrafficProfile.Default.SessionsPerMinute * 60;
        Assert.That(generator.SessionsOpened, Is.InRange(hour * 0.9, hour * 1.1));
        Assert.That(device.Sessions.CreatedSinceBoot, Is.EqualTo(generator.SessionsOpened));
    }

    [Test]
    public void AMinuteInOneSecondStepsOpensAndClosesSessionsForAtLeastThreeStages()
    {
        var (device, clock) = TrafficDevices.New();
        TrafficGenerator.Start(device, TrafficProfile.Default);

        device.Run(clock, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1));

        var opened = Enumerable.Range(1, (int)device.Sessions.CreatedSinceBoot).Select(id => device.Sessions.Find((uint)id)!).ToList();
        var stages = opened.Where(s => s.TrackerStage != TrackerStage.None).Select(s => s.TrackerStage).Distinct().ToList();
        var logged = TrafficDevices.Log(device).Select(e => e.TrackerStage).Distinct().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(opened, Has.Count.GreaterThanOrEqualTo(10));
            Assert.That(stages, Has.Count.GreaterThanOrEqualTo(3), string.Join(", ", stages));
            Assert.That(logged, Has.Count.GreaterThanOrEqualTo(3), string.Join(", ", logged));
        });
    }

    [Test]
    public void SessionsCarryGrowingTrafficAndEstablish()
    {
        var (device, clock) = TrafficDevices.New();
        TrafficGenerator.Start(device, TrafficProfile.Default);
        device.Run(clock, TimeSpan.FromMinutes(20), TimeSpan.FromSeconds(10));
        var before = device.Sessions.Scan()
            .Where(s => s.State == SessionState.Active && s.Protocol == SessionTimeouts.TcpProtocol && s.Type == SessionType.Flow)
            .ToDictionary(s => s.Id, s => (s.BytesClientToServer, s.BytesServerToClient, s.Layer7PacketsClientToServer, s.Layer7PacketsServerToClient));

        device.Run(clock, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(10));

        var grown = before.Count(pair =>
            device.Sessions.Find(pair.Key) is { } now
            && now.BytesClientToServer > pair.Value.BytesClientToServer
            && now.BytesServerToClient > pair.Value.BytesServerToClient
            && now.Layer7PacketsClientToServer > pair.Value.Layer7PacketsClientToServer
            && now.Layer7PacketsServerToClient > pair.Value.Layer7PacketsServerToClient);
        Assert.Multiple(() =>
        {
            Assert.That(before, Has.Count.GreaterThan(10));
            Assert.That(before.Values.All(v => v.BytesClientToServer > 0 && v.Layer7PacketsServerToClient > 0), Is.True, "established sessions have carried traffic");
            Assert.That(grown, Is.GreaterThan(5));
        });
    }

    [Test]
    public void ALongRunReachesASteadyState()
    {
        var (device, clock) = TrafficDevices.New();
        var generator = TrafficGenerator.Start(device, TrafficProfile.Default);
        var live = new List<int>();
        var scheduled = new List<int>();
        var pending = new List<int>();

        for (var step = 0; step < 6 * 360; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(10));
            device.CatchUp();
            live.Add(device.Sessions.LiveCount);
            scheduled.Add(device.Schedule.Count);
            pending.Add(generator.PendingSessions);
        }

        device.Sessions.CheckConsistency();

        // After the first two hours (the longest session plus its idle timeout), the table neither grows nor shrinks.
        var second = live.Skip(2 * 360).Take(2 * 360).ToList();
        var last = live.Skip(4 * 360).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(generator.SessionsOpened, Is.GreaterThan(6 * 60 * TrafficProfile.Default.SessionsPerMinute * 0.9));
            Assert.That(scheduled.Max(), Is.LessThanOrEqualTo(1), "one pending event at a time");
            Assert.That(pending.Max(), Is.LessThan(200));
            Assert.That(live.Max(), Is.LessThan(400));
            Assert.That(last.Min(), Is.GreaterThan(20));
            Assert.That(last.Average(), Is.EqualTo(second.Average()).Within(25).Percent);
        });
    }

    [Test]
    public void StopMakesFurtherEventsNoOpsAndTheTableDrains()
    {
        var (device, clock) = TrafficDevices.New();
        var generator = TrafficGenerator.Start(device, TrafficProfile.Default);
        device.Run(clock, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5));
        Assert.That(device.Sessions.LiveCount, Is.GreaterThan(0));

        generator.Stop();
        var opened = generator.SessionsOpened;
        var created = device.Sessions.CreatedSinceBoot;
        device.Run(clock, TimeSpan.FromHours(2), TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(generator.IsRunning, Is.False);
            Assert.That(generator.SessionsOpened, Is.EqualTo(opened));
            Assert.That(device.Sessions.CreatedSinceBoot, Is.EqualTo(created));
            Assert.That(device.Schedule.Count, Is.Zero);
            Assert.That(generator.NextEventAt, Is.Null);
            Assert.That(device.Sessions.LiveCount, Is.Zero);
        });
    }

    [Test]
    public void EveryEndedSessionsLogEntryCarriesItsTrackerStage()
    {
        var (device, clock) = TrafficDevices.New();
        TrafficGenerator.Start(device, TrafficProfile.Default);
        device.Run(clock, TimeSpan.FromMinutes(90), TimeSpan.FromSeconds(3));

        device.Sessions.CheckConsistency();
        var log = TrafficDevices.Log(device);
        var ended = Enumerable.Range(1, (int)device.Sessions.CreatedSinceBoot)
            .Select(id => device.Sessions.Find((uint)id)!)
            .Where(s => s.EndTime is not null)
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(log.Select(e => e.SessionId), Is.Unique);
            Assert.That(log.Select(e => e.SessionId), Is.EquivalentTo(ended.Where(s => s.LogAtEnd).Select(s => s.Id)));
            foreach (var entry in log)
            {
                var session = device.Sessions.Find(entry.SessionId)!;
                Assert.That(entry.TrackerStage, Is.Not.EqualTo(TrackerStage.None), $"session {entry.SessionId}");
                Assert.That(entry.TrackerStage, Is.EqualTo(session.TrackerStage), $"session {entry.SessionId}");
                Assert.That(entry.EndReason, Is.EqualTo(SessionNames.EndReasonOf(session.TrackerStage)), $"session {entry.SessionId}");
                Assert.That(entry.ReceiveTime, Is.EqualTo(session.EndTime), $"session {entry.SessionId}");
            }

            Assert.That(log.Select(e => e.TrackerStage).Distinct(), Is.EquivalentTo(Enum.GetValues<TrackerStage>().Skip(1)));
        });
    }

    [Test]
    public void EndCausesFitTheirSessions()
    {
        var (device, clock) = TrafficDevices.New();
        TrafficGenerator.Start(device, TrafficProfile.Default);
        device.Run(clock, TimeSpan.FromMinutes(90), TimeSpan.FromSeconds(3));

        var log = TrafficDevices.Log(device);
        Assert.Multiple(() =>
        {
            Assert.That(log.Where(e => e.TrackerStage is TrackerStage.TcpFin or TrackerStage.TcpRstClient or TrackerStage.TcpRstServer).Select(e => e.Protocol), Is.All.EqualTo(6));
            Assert.That(log.Where(e => e.TrackerStage == TrackerStage.AppidPolicyLookupDeny).Select(e => e.Rule), Is.All.StartsWith("deny-"));
            Assert.That(log.Where(e => e.TrackerStage == TrackerStage.AppidPolicyLookupDeny).Select(e => e.ActionName), Is.All.AnyOf("deny", "drop"));
            Assert.That(log.Where(e => e.TrackerStage != TrackerStage.AppidPolicyLookupDeny).Select(e => e.ActionName), Is.All.EqualTo("allow"));
            Assert.That(log.Where(e => e.TrackerStage == TrackerStage.HostService).Select(e => e.Destination.ToString()), Is.All.AnyOf("203.0.113.1", "10.1.0.1"));
            Assert.That(log.Where(e => e.FromZone == "trust" && e.ToZone == "untrust").Select(e => e.NatSource?.ToString()), Is.All.EqualTo("203.0.113.1"));
            Assert.That(log.Where(e => e.Protocol == 17).Select(e => e.TrackerStage), Has.Some.EqualTo(TrackerStage.AgedOut));
            Assert.That(log.Where(e => e.Application == "ping").Select(e => e.TrackerStage), Has.Some.EqualTo(TrackerStage.AgedOut));
            Assert.That(log.GroupBy(e => e.TrackerStage).MaxBy(g => g.Count())!.Key, Is.EqualTo(TrackerStage.TcpFin));
            Assert.That(log.Select(e => e.Application).Distinct().Count(), Is.GreaterThanOrEqualTo(10));
            Assert.That(log.Where(e => e.TrackerStage is TrackerStage.TcpFin && e.Application != "ftp-data").Select(e => e.Packets), Is.All.GreaterThanOrEqualTo(5));
        });
    }

    [Test]
    public void AddressesArePrivateOrDocumentationRanges()
    {
        var (device, clock) = TrafficDevices.New();
        TrafficGenerator.Start(device, TrafficProfile.Default);
        device.Run(clock, TimeSpan.FromMinutes(60), TimeSpan.FromSeconds(10));

        var addresses = TrafficDevices.Log(device)
            .SelectMany(e => new[] { e.Source, e.Destination, e.NatSource, e.NatDestination })
            .OfType<IPAddress>()
            .Select(a => a.ToString())
            .Distinct()
            .ToList();

        Assert.That(addresses, Is.Not.Empty);
        Assert.That(
            addresses.Where(a => !a.StartsWith("10.", StringComparison.Ordinal) && !a.StartsWith("192.168.", StringComparison.Ordinal)
                && !a.StartsWith("198.51.100.", StringComparison.Ordinal) && !a.StartsWith("203.0.113.", StringComparison.Ordinal)),
            Is.Empty);
    }

    [Test]
    public void AJumpBeyondTheCatchUpLimitSimulatesOnlyTheLimit()
    {
        var (device, clock) = TrafficDevices.New();
        var generator = TrafficGenerator.Start(device, TrafficProfile.Default);
        device.Run(clock, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10));
        var before = generator.SessionsOpened;

        clock.Advance(TimeSpan.FromDays(7));
        device.CatchUp();

        var now = clock.GetUtcNow();
        var opened = generator.SessionsOpened - before;
        Assert.Multiple(() =>
        {
            Assert.That(opened, Is.InRange(TrafficProfile.Default.SessionsPerMinute * 60 * 0.85, TrafficProfile.Default.SessionsPerMinute * 60 * 1.15), "one hour of traffic");
            Assert.That(device.Sessions.Scan().Select(s => s.StartTime), Is.All.GreaterThanOrEqualTo(now - TimeSpan.FromHours(1)));
            Assert.That(device.Sessions.LiveCount, Is.GreaterThan(20));
            Assert.That(device.Schedule.Count, Is.EqualTo(1));
        });
    }

    [Test]
    public void AProfileThatCannotEndAsItSaysIsRefused()
    {
        var (device, _) = TrafficDevices.New();
        var noDenyRule = TrafficProfile.Default with { Flows = [.. TrafficProfile.Default.Flows.Where(f => f.Action == RuleAction.Allow)] };

        Assert.Multiple(() =>
        {
            Assert.That(() => TrafficGenerator.Start(device, noDenyRule), Throws.ArgumentException.With.Message.Contains("appid policy lookup deny"));
            Assert.That(() => TrafficGenerator.Start(device, TrafficProfile.Default with { SessionsPerMinute = 0 }), Throws.ArgumentException);
            Assert.That(device.Schedule.Count, Is.Zero);
        });
    }

    [Test]
    public void TheDefaultProfileCoversTheBriefedMix()
    {
        var profile = TrafficProfile.Default;
        var applications = profile.Flows.SelectMany(f => f.Applications).Select(a => (a.Name, a.Port, a.Protocol)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(applications, Does.Contain(("ssl", 443, 6)));
            Assert.That(applications, Does.Contain(("web-browsing", 80, 6)));
            Assert.That(applications, Does.Contain(("dns", 53, 17)));
            Assert.That(applications, Does.Contain(("ping", 0, 1)));
            Assert.That(applications, Does.Contain(("ssh", 22, 6)));
            Assert.That(applications, Does.Contain(("ntp", 123, 17)));
            Assert.That(applications.Select(a => a.Name), Does.Contain("ms-update").And.Contain("incomplete"));
            Assert.That(profile.Flows.Select(f => (f.FromZone, f.ToZone)), Does.Contain(("trust", "untrust")).And.Contain(("trust", "dmz")).And.Contain(("untrust", "dmz")).And.Contain(("trust", "VPN")));
            Assert.That(profile.EndCauses.Select(c => c.Stage), Is.EquivalentTo(Enum.GetValues<TrackerStage>().Skip(1)));
            Assert.That(profile.EndCauses.MaxBy(c => c.Weight)!.Stage, Is.EqualTo(TrackerStage.TcpFin));
            Assert.That(() => profile.Validate(), Throws.Nothing);
        });
    }
}
