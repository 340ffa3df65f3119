using VirtualFirewall.Engine.Logs;
using VirtualFirewall.Engine.Rendering;
using VirtualFirewall.Engine.Sessions;
using static VirtualFirewall.Tests.Engine.TrafficLogs.TrafficLogSamples;

namespace VirtualFirewall.Tests.Engine.TrafficLogs;

/// <summary>`direction equal`, `show-tracker equal yes`, `query equal` and the count, over a traffic log.</summary>
[TestFixture]
public sealed class TrafficLogQuerySelectionTests
{
    [Test]
    public void BackwardIsNewestFirstForwardOldestFirst()
    {
        var log = KbLog();

        Assert.Multiple(() =>
        {
            Assert.That(Ids(TrafficLogQuerySelection.Select(log, backward: true, null, trackerOnly: false, null)), Is.EqualTo(new uint[] { 4, 1, 3, 2 }));
            Assert.That(Ids(TrafficLogQuerySelection.Select(log, backward: false, null, trackerOnly: false, null)), Is.EqualTo(new uint[] { 2, 3, 1, 4 }));
        });
    }

    [Test]
    public void ShowTrackerKeepsTheEntriesWithATrackerStage()
    {
        var log = KbLog();

        Assert.That(Ids(TrafficLogQuerySelection.Select(log, backward: true, null, trackerOnly: true, null)), Is.EqualTo(new uint[] { 1, 3, 2 }));
    }

    [TestCase(true, 1, new uint[] { 4 })]
    [TestCase(true, 2, new uint[] { 4, 1 })]
    [TestCase(false, 2, new uint[] { 2, 3 })]
    [TestCase(false, 4, new uint[] { 2, 3, 1, 4 })]
    [TestCase(false, 100, new uint[] { 2, 3, 1, 4 })]
    [TestCase(true, 0, new uint[0])]
    public void TheCountKeepsTheFirstEntriesInTheChosenDirection(bool backward, int count, uint[] expected) =>
        Assert.That(Ids(TrafficLogQuerySelection.Select(KbLog(), backward, null, trackerOnly: false, count)), Is.EqualTo(expected));

    [Test]
    public void TheCountAppliesAfterTheFilters()
    {
        Assert.That(TrafficLogQuery.TryParse("(zone.src eq trust)", out var trust), Is.True);
        var log = KbLog();

        Assert.Multiple(() =>
        {
            Assert.That(Ids(TrafficLogQuerySelection.Select(log, backward: true, trust, trackerOnly: true, 1)), Is.EqualTo(new uint[] { 1 }));
            Assert.That(Ids(TrafficLogQuerySelection.Select(log, backward: true, trust, trackerOnly: false, 1)), Is.EqualTo(new uint[] { 4 }));
            Assert.That(Ids(TrafficLogQuerySelection.Select(log, backward: false, trust, trackerOnly: true, 5)), Is.EqualTo(new uint[] { 2, 1 }));
        });
    }

    [Test]
    public void TheQueryFiltersWithTheOtherOptions()
    {
        Assert.That(TrafficLogQuery.TryParse("(addr.dst in 198.172.88.60/31) or (port.dst eq 135)", out var query), Is.True);

        Assert.That(Ids(TrafficLogQuerySelection.Select(KbLog(), backward: false, query, trackerOnly: false, null)), Is.EqualTo(new uint[] { 2, 3, 1 }));
    }

    [Test]
    public void AnEmptyLogOrNoMatchGivesNoEntries()
    {
        Assert.That(TrafficLogQuery.TryParse("(app eq nothing)", out var query), Is.True);

        Assert.Multiple(() =>
        {
            Assert.That(TrafficLogQuerySelection.Select(new TrafficLog(), backward: true, null, trackerOnly: true, 10), Is.Empty);
            Assert.That(TrafficLogQuerySelection.Select(KbLog(), backward: true, query, trackerOnly: false, null), Is.Empty);
        });
    }

    [Test]
    public void ANegativeCountOrNoLogIsAProgrammingError()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => TrafficLogQuerySelection.Select(KbLog(), backward: true, null, trackerOnly: false, -1), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => TrafficLogQuerySelection.Select(null!, backward: true, null, trackerOnly: false, null), Throws.ArgumentNullException);
        });
    }

    /// <summary>The selection is a snapshot: the log may change once it is taken.</summary>
    [Test]
    public void TheSelectionDoesNotHoldTheLog()
    {
        var log = KbLog();
        var selected = TrafficLogQuerySelection.Select(log, backward: true, null, trackerOnly: false, null);
        log.Clear();

        Assert.That(selected, Has.Count.EqualTo(4));
    }

    /// <summary>The KB command end to end over a log that also holds an entry with no tracker stage.</summary>
    [Test]
    public void TheKbCommandOverALog()
    {
        var selected = TrafficLogQuerySelection.Select(KbLog(), backward: true, null, trackerOnly: true, null);
        var text = TrafficLogRenderer.Render(selected, showTracker: true, ToLocal);

        Assert.That(text, Is.EqualTo(TrafficLogRenderer.Render(KbRowsNewestFirst(), showTracker: true, ToLocal)));
        Assert.That(text, Does.Contain("\n                                                    TCP RST - client\n"));
    }

    /// <summary>The KB's three entries appended oldest first, then a newer entry without a tracker stage (id 4).</summary>
    private static TrafficLog KbLog()
    {
        var log = new TrafficLog();
        foreach (var entry in KbRowsNewestFirst().Reverse())
        {
            log.Append(entry);
        }

        log.Append(Entry(4, At(16, 45, 0), "web-browsing", "trust", "192.168.210.105", 4500, "TCP-logging", "VPN", "198.172.88.62", 80, TrackerStage.None));
        return log;
    }

    private static uint[] Ids(IEnumerable<TrafficLogEntry> entries) => [.. entries.Select(e => e.SessionId)];
}
