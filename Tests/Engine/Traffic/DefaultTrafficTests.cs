using System.Globalization;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Engine.Traffic;

namespace VirtualFirewall.Tests.Engine.Traffic;

[TestFixture]
public sealed class DefaultTrafficTests
{
    [Test]
    public void TheSeededTableHoldsDozensOfSessionsInVariedStates()
    {
        var (device, _) = TrafficDevices.New();
        DefaultTraffic.Seed(device);

        var live = device.Sessions.Scan().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(live, Has.Count.InRange(36, 240));
            Assert.That(live.Count(s => s.State == SessionState.Active), Is.GreaterThanOrEqualTo(24));
            Assert.That(live.Count(s => s.State == SessionState.Opening), Is.GreaterThanOrEqualTo(3));
            Assert.That(live.Count(s => s.State == SessionState.Discard && s.TrackerStage == TrackerStage.AppidPolicyLookupDeny), Is.GreaterThanOrEqualTo(3));
            Assert.That(live.Count(s => s.Type == SessionType.Predict), Is.GreaterThanOrEqualTo(1));
            Assert.That(live.Select(s => s.Application).Distinct().Count(), Is.GreaterThanOrEqualTo(6));
            Assert.That(live.Select(s => (s.ClientToServer.SourceZone, s.ServerToClient.SourceZone)).Distinct().Count(), Is.GreaterThanOrEqualTo(4));
            Assert.That(live.Select(s => s.Flag), Does.Contain("NS").And.Contain("ND").And.Contain(string.Empty));
            Assert.That(live.Select(s => s.Protocol).Distinct(), Is.SupersetOf(new[] { 6, 17 }));
        });
    }

    [Test]
    public void ThePredictSessionNamesItsParent()
    {
        var (device, _) = TrafficDevices.New();
        DefaultTraffic.Seed(device);

        var predict = device.Sessions.Scan().First(s => s.Type == SessionType.Predict);
        var parent = device.Sessions.Find(predict.ParentSession!.Value);
        Assert.Multiple(() =>
        {
            Assert.That(predict.Application, Is.EqualTo("ftp-data"));
            Assert.That(predict.ServerToClient.State, Is.EqualTo(SessionState.Opening));
            Assert.That(predict.LogAtEnd, Is.False);
            Assert.That(parent?.Application, Is.EqualTo("ftp"));
            Assert.That(parent?.State, Is.EqualTo(SessionState.Active));
        });
    }

    [Test]
    public void TheSeededLogCoversEveryTrackerStageWithinThePastHour()
    {
        var (device, clock) = TrafficDevices.New();
        DefaultTraffic.Seed(device);
        var now = clock.GetUtcNow();

        var log = TrafficDevices.Log(device);
        Assert.Multiple(() =>
        {
            Assert.That(log, Has.Count.GreaterThan(500));
            Assert.That(log.Select(e => e.TrackerStage).Distinct(), Is.EquivalentTo(Enum.GetValues<TrackerStage>().Skip(1)));
            Assert.That(log.Select(e => e.StartTime), Is.All.InRange(now - DefaultTraffic.History, now));
            Assert.That(log.Select(e => e.ReceiveTime), Is.All.InRange(now - DefaultTraffic.History, now));
            Assert.That(log.Select(e => e.ReceiveTime), Is.Ordered);
            Assert.That(device.Sessions.Scan().Select(s => s.StartTime), Is.All.InRange(now - DefaultTraffic.History, now));
        });
    }

    [Test]
    public void SeedingIsDeterministic()
    {
        var (first, _) = TrafficDevices.New();
        var (second, _) = TrafficDevices.New();
        DefaultTraffic.Seed(first);
        DefaultTraffic.Seed(second);

        Assert.Multiple(() =>
        {
            Assert.That(TrafficDevices.Table(second), Is.EqualTo(TrafficDevices.Table(first)));
            Assert.That(TrafficDevices.Log(second), Is.EqualTo(TrafficDevices.Log(first)));
        });
    }

    [Test]
    public void WithinAMinuteOfStartSessionsOpenAndCloseForAtLeastThreeReasons()
    {
        var (device, clock) = TrafficDevices.New();
        DefaultTraffic.Seed(device);
        var start = clock.GetUtcNow();
        var firstNew = (uint)device.Sessions.CreatedSinceBoot + 1;

        device.Run(clock, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1));

        var opened = Enumerable.Range((int)firstNew, (int)(device.Sessions.CreatedSinceBoot - firstNew + 1))
            .Select(id => device.Sessions.Find((uint)id)!)
            .ToList();
        var closed = opened.Where(s => s.EndTime is not null).Select(s => s.TrackerStage).Distinct().ToList();
        var logged = TrafficDevices.Log(device).Where(e => e.StartTime >= start).Select(e => e.TrackerStage).Distinct().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(opened, Has.Count.GreaterThanOrEqualTo(10));
            Assert.That(opened.Select(s => s.StartTime), Is.All.GreaterThanOrEqualTo(start));
            Assert.That(closed, Has.Count.GreaterThanOrEqualTo(3), string.Join(", ", closed));
            Assert.That(logged, Has.Count.GreaterThanOrEqualTo(3), string.Join(", ", logged));
        });
    }

    [Test]
    public void TheDefaultDeviceIsSeeded()
    {
        var clock = new ManualTimeProvider(TrafficDevices.Boot);
        var device = DefaultDevice.Create(clock);

        Assert.Multiple(() =>
        {
            Assert.That(device.Sessions.LiveCount, Is.GreaterThan(36));
            Assert.That(device.TrafficLog.Count, Is.GreaterThan(500));
            Assert.That(device.Schedule.Count, Is.EqualTo(1), "only the generator's next event");
        });
    }

    [Test]
    public void AClockJumpedByDaysLeavesALiveTableOfTheLastHour()
    {
        // What a transcript does: boot, then the clock set a week later.
        var clock = new ManualTimeProvider(TrafficDevices.Boot);
        var device = DefaultDevice.Create(clock);
        clock.SetUtcNow(TrafficDevices.Boot + new TimeSpan(7, 10, 56, 14));
        device.CatchUp();

        var now = clock.GetUtcNow();
        Assert.Multiple(() =>
        {
            Assert.That(device.Sessions.LiveCount, Is.GreaterThan(20));
            Assert.That(device.Sessions.Scan().Select(s => s.StartTime), Is.All.GreaterThanOrEqualTo(now - TimeSpan.FromHours(1)));
            Assert.That(device.Schedule.Count, Is.EqualTo(1));
        });
    }

    /// <summary>Not an assertion: what the default device starts with, for whoever reads the test log.</summary>
    [Test]
    public void DescribeTheDefaultTable()
    {
        var (device, _) = TrafficDevices.New();
        DefaultTraffic.Seed(device);
        var live = device.Sessions.Scan().ToList();
        var log = TrafficDevices.Log(device);

        TestContext.Out.WriteLine($"live {live.Count}, created {device.Sessions.CreatedSinceBoot}, log {log.Count}");
        foreach (var group in live.GroupBy(s => (s.State, s.Type)).OrderBy(g => g.Key))
        {
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {SessionNames.Of(group.Key.State)} {SessionNames.Of(group.Key.Type)}: {group.Count()}"));
        }

        foreach (var group in live.GroupBy(s => s.Application).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  app {group.Key}: {group.Count()}"));
        }

        foreach (var group in live.GroupBy(s => s.ClientToServer.SourceZone + ">" + s.ServerToClient.SourceZone).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  zones {group.Key}: {group.Count()}"));
        }

        foreach (var group in log.GroupBy(e => e.TrackerStage).OrderBy(g => g.Key))
        {
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  log {SessionNames.Of(group.Key)}: {group.Count()}"));
        }

        Assert.That(live, Is.Not.Empty);
    }
}
