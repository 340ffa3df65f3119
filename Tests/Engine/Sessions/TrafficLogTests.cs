using VirtualFirewall.Engine.Logs;
using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Tests.Engine.Sessions;

[TestFixture]
public sealed class TrafficLogTests
{
    [Test]
    public void BackwardIsNewestFirstAndForwardOldestFirst()
    {
        var log = new TrafficLog();
        for (uint id = 1; id <= 3; id++)
        {
            log.Append(Entry(id));
        }

        Assert.That(log.NewestFirst().Select(e => e.SessionId), Is.EqualTo(new uint[] { 3, 2, 1 }));
        Assert.That(log.OldestFirst().Select(e => e.SessionId), Is.EqualTo(new uint[] { 1, 2, 3 }));
        Assert.That(log.Count, Is.EqualTo(3));
    }

    [Test]
    public void TheOldestEntriesAreDroppedBeyondTheBound()
    {
        var log = new TrafficLog(capacity: 40);
        for (uint id = 1; id <= 100; id++)
        {
            log.Append(Entry(id));
        }

        Assert.That(log.Count, Is.EqualTo(40));
        Assert.That(log.OldestFirst().Select(e => e.SessionId), Is.EqualTo(Enumerable.Range(61, 40).Select(i => (uint)i)));
        Assert.That(log.NewestFirst().First().SessionId, Is.EqualTo(100u));
        Assert.That(() => new TrafficLog(0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void ClearEmptiesTheLog()
    {
        var log = new TrafficLog(capacity: 3);
        for (uint id = 1; id <= 5; id++)
        {
            log.Append(Entry(id));
        }

        log.Clear();
        Assert.That(log.Count, Is.Zero);
        Assert.That(log.NewestFirst(), Is.Empty);
        log.Append(Entry(9));
        Assert.That(log.OldestFirst().Single().SessionId, Is.EqualTo(9u));
    }

    [Test]
    public void AppendingWhileEnumeratingFails()
    {
        var log = new TrafficLog();
        log.Append(Entry(1));
        log.Append(Entry(2));
        Assert.That(() =>
        {
            foreach (var entry in log.OldestFirst())
            {
                log.Append(entry);
            }
        }, Throws.InvalidOperationException);
    }

    [Test]
    public void TheSeedExampleListsItsThreeTrackerStagesNewestFirst()
    {
        // The three rows of `show log traffic direction equal backward show-tracker equal yes` in the session-tracker KB.
        var (clock, table, _) = Specs.NewTable();
        var log = new TrafficLog();
        table.SessionEnded += (_, e) => log.AppendEnded(e);

        var update = table.Open(Specs.Tcp() with { SourcePort = 4402, Application = "ms-update" });
        clock.Tick(table, 60);
        var flash = table.Open(Specs.Tcp() with { SourcePort = 4433, Application = "flash" });
        clock.Tick(table, 19);
        table.End(update.Id, TrackerStage.TcpRstClient);
        clock.Tick(table, 205);
        var rpc = table.Open(new SessionSpec(Specs.Ip("10.0.0.9"), "untrust", 52405, Specs.Ip("10.0.0.10"), "untrust", 135, 6)
        {
            Rule = "allow-any",
            Established = false,
        });
        clock.Tick(table, 10);
        clock.Tick(table, 1);
        table.End(flash.Id, TrackerStage.TcpFin);

        var rows = log.NewestFirst().Select(e => (e.Application, e.FromZone, e.SourcePort, e.Rule, e.ActionName, e.ToZone, e.DestinationPort, SessionNames.Of(e.TrackerStage)));
        Assert.That(rows, Is.EqualTo(new[]
        {
            ("flash", "trust", 4433, "TCP-logging", "allow", "VPN", 80, "TCP FIN"),
            ("incomplete", "untrust", 52405, "allow-any", "allow", "untrust", 135, "Aged out"),
            ("ms-update", "trust", 4402, "TCP-logging", "allow", "VPN", 80, "TCP RST - client"),
        }));
        Assert.That(log.NewestFirst().Select(e => e.ReceiveTime), Is.EqualTo(new[]
        {
            new DateTimeOffset(2013, 9, 9, 16, 44, 1, TimeSpan.Zero),
            new DateTimeOffset(2013, 9, 9, 16, 44, 0, TimeSpan.Zero),
            new DateTimeOffset(2013, 9, 9, 16, 40, 25, TimeSpan.Zero),
        }));
        Assert.That(rpc.TrackerStage, Is.EqualTo(TrackerStage.AgedOut));
    }

    [Test]
    public void AnEntryCarriesTheSessionAtItsEnd()
    {
        var (clock, table, _) = Specs.NewTable();
        var log = new TrafficLog();
        table.SessionEnded += (_, e) => log.AppendEnded(e);
        var session = table.Open(Specs.Tcp() with
        {
            Id = 25,
            TranslatedSource = Specs.Ip("10.2.62.150"),
            TranslatedSourcePort = 40001,
            SourceUser = "corp\\alice",
            Vsys = "vsys2",
        });
        clock.Tick(table, 61);
        table.RecordTraffic(25, 1063, 1461, 12, 10);
        clock.Tick(table, 1);
        table.End(25, TrackerStage.MitigationTdb);
        table.RecordTraffic(25, 5, 5, 1, 1);

        var entry = log.OldestFirst().Single();
        Assert.Multiple(() =>
        {
            Assert.That(entry.ReceiveTime, Is.EqualTo(Specs.Epoch.AddSeconds(62)));
            Assert.That(entry.SessionId, Is.EqualTo(25u));
            Assert.That(entry.Source, Is.EqualTo(Specs.Ip("192.168.210.103")));
            Assert.That(entry.Destination, Is.EqualTo(Specs.Ip("198.172.88.58")));
            Assert.That(entry.NatSource, Is.EqualTo(Specs.Ip("10.2.62.150")));
            Assert.That(entry.NatSourcePort, Is.EqualTo(40001));
            Assert.That(entry.NatDestination, Is.Null);
            Assert.That(entry.NatDestinationPort, Is.Null);
            Assert.That(entry.Protocol, Is.EqualTo(6));
            Assert.That(entry.Action, Is.EqualTo(RuleAction.Allow), "a threat end keeps the rule's allow");
            Assert.That(entry.BytesSent, Is.EqualTo(1063));
            Assert.That(entry.BytesReceived, Is.EqualTo(1461));
            Assert.That(entry.Bytes, Is.EqualTo(2524));
            Assert.That(entry.PacketsSent, Is.EqualTo(12));
            Assert.That(entry.PacketsReceived, Is.EqualTo(10));
            Assert.That(entry.Packets, Is.EqualTo(22));
            Assert.That(entry.EndReason, Is.EqualTo(EndReason.Threat));
            Assert.That(entry.TrackerStage, Is.EqualTo(TrackerStage.MitigationTdb));
            Assert.That(entry.StartTime, Is.EqualTo(Specs.Epoch));
            Assert.That(entry.ElapsedSeconds, Is.EqualTo(62));
            Assert.That(entry.SourceUser, Is.EqualTo("corp\\alice"));
            Assert.That(entry.DestinationUser, Is.EqualTo("unknown"));
            Assert.That(entry.Vsys, Is.EqualTo("vsys2"));
            Assert.That(session.BytesClientToServer, Is.EqualTo(1068), "the session still counts; the entry does not");
        });
    }

    [Test]
    public void DeniedSessionsLogTheirRuleActionAndSessionsNotLoggedAtEndAreSkipped()
    {
        var (clock, table, _) = Specs.NewTable();
        var log = new TrafficLog();
        table.SessionEnded += (_, e) => log.AppendEnded(e);
        table.Open(Specs.Tcp() with { Action = RuleAction.Drop, Rule = "block" });
        table.Open(Specs.Udp() with { Action = RuleAction.Deny, TranslatedDestination = Specs.Ip("10.9.9.9"), TranslatedDestinationPort = 5353 });
        table.Open(Specs.Udp() with { LogAtEnd = false });
        var appShift = table.Open(Specs.Tcp());
        table.End(appShift.Id, TrackerStage.AppidPolicyLookupDeny);
        clock.Tick(table, 4000);

        var entries = log.OldestFirst().ToList();
        Assert.That(entries.Select(e => e.ActionName), Is.EqualTo(new[] { "drop", "deny", "deny" }));
        Assert.That(entries.Select(e => e.EndReason), Is.All.EqualTo(EndReason.PolicyDeny));
        Assert.That(entries.Select(e => e.ElapsedSeconds), Is.All.Zero);
        Assert.That(entries[1].NatDestination, Is.EqualTo(Specs.Ip("10.9.9.9")));
        Assert.That(entries[1].NatDestinationPort, Is.EqualTo(5353));
        Assert.That(entries[1].NatSource, Is.Null);
    }

    [Test]
    public void AClearedSessionLogsEndReasonUnknownWithoutATrackerStage()
    {
        var (clock, table, _) = Specs.NewTable();
        var log = new TrafficLog();
        table.SessionEnded += (_, e) => log.AppendEnded(e);
        var session = table.Open(Specs.Tcp());
        clock.Tick(table, 1);
        table.Clear(session.Id);

        var entry = log.OldestFirst().Single();
        Assert.That(entry.EndReason, Is.EqualTo(EndReason.Unknown));
        Assert.That(entry.TrackerStage, Is.EqualTo(TrackerStage.None));
        Assert.That(entry.ElapsedSeconds, Is.EqualTo(1));
    }

    private static TrafficLogEntry Entry(uint id) => new()
    {
        ReceiveTime = Specs.Epoch.AddSeconds(id),
        SessionId = id,
        Application = "ping",
        FromZone = "trust",
        ToZone = "untrust",
        Source = Specs.Ip("10.0.0.1"),
        SourcePort = 1,
        Destination = Specs.Ip("10.0.0.2"),
        DestinationPort = 2,
        Protocol = 1,
        Rule = "r",
        Action = RuleAction.Allow,
        EndReason = EndReason.AgedOut,
        TrackerStage = TrackerStage.AgedOut,
        StartTime = Specs.Epoch,
        ElapsedSeconds = id,
        SourceUser = "unknown",
        DestinationUser = "unknown",
    };
}
