using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Tests.Engine.Sessions;

[TestFixture]
public sealed class SessionTableTests
{
    [Test]
    public void IdsComeFromACounterStartingWhereConfigured()
    {
        var (_, table, _) = Specs.NewTable(new SessionTableOptions { FirstId = 25 });
        var ids = Enumerable.Range(0, 3).Select(_ => table.Open(Specs.Udp()).Id);
        Assert.That(ids, Is.EqualTo(new uint[] { 25, 26, 27 }));
        Assert.That(new SessionTable(TimeProvider.System).Open(Specs.Udp()).Id, Is.EqualTo(1u));
    }

    [Test]
    public void AnExplicitIdIsTakenAndADuplicateOfALiveSessionIsRejected()
    {
        var (_, table, _) = Specs.NewTable();
        var session = table.Open(Specs.Tcp() with { Id = 4632 });
        Assert.That(session.Id, Is.EqualTo(4632u));
        Assert.That(table.Find(4632), Is.SameAs(session));
        Assert.That(() => table.Open(Specs.Udp() with { Id = 4632 }), Throws.InvalidOperationException);
        Assert.That(table.LiveCount, Is.EqualTo(1));
        Assert.That(table.CreatedSinceBoot, Is.EqualTo(1));
    }

    [Test]
    public void TheCounterSkipsIdsInUseAndIdsStillReadableAfterTheirEnd()
    {
        var (_, table, _) = Specs.NewTable();
        table.Open(Specs.Udp() with { Id = 2 });
        var ended = table.Open(Specs.Udp() with { Id = 3 });
        table.Clear(ended.Id);

        var ids = Enumerable.Range(0, 3).Select(_ => table.Open(Specs.Udp()).Id).ToList();

        Assert.That(ids, Is.EqualTo(new uint[] { 1, 4, 5 }));
        Assert.That(table.Find(3), Is.SameAs(ended));
    }

    [Test]
    public void AnExplicitIdOfAnEndedSessionReusesItsSlot()
    {
        var (_, table, _) = Specs.NewTable();
        var old = table.Open(Specs.Udp() with { Id = 9 });
        table.Clear(9);
        var reborn = table.Open(Specs.Tcp() with { Id = 9 });

        Assert.That(table.Find(9), Is.SameAs(reborn));
        Assert.That(reborn, Is.Not.SameAs(old));
        Assert.That(table.RecentlyEndedCount, Is.Zero);
        Assert.That(table.Scan().Select(s => s.Id), Is.EqualTo(new uint[] { 9 }));
        table.CheckConsistency();
    }

    [Test]
    public void AnEndedSessionIsReadableByIdButAbsentFromScansAndCounts()
    {
        var (clock, table, _) = Specs.NewTable();
        var icmp = table.Open(Specs.Icmp());
        var tcp = table.Open(Specs.Tcp());
        clock.Tick(table, 6);

        var read = table.Find(icmp.Id);
        Assert.Multiple(() =>
        {
            Assert.That(read, Is.SameAs(icmp));
            Assert.That(read!.State, Is.EqualTo(SessionState.Init));
            Assert.That(read.InAger, Is.False);
            Assert.That(read.TrackerStage, Is.EqualTo(TrackerStage.AgedOut));
            Assert.That(table.IsLive(icmp.Id), Is.False);
            Assert.That(table.ExpiresAt(icmp.Id), Is.Null);
            Assert.That(table.Scan().Select(s => s.Id), Is.EqualTo(new[] { tcp.Id }));
            Assert.That(table.Count(new SessionFilter { Protocol = 1 }), Is.Zero);
            Assert.That(table.Count(), Is.EqualTo(1));
            Assert.That(table.ActiveCount(1), Is.Zero);
            Assert.That(table.RecentlyEndedCount, Is.EqualTo(1));
            Assert.That(table.Find(999), Is.Null);
        });
    }

    [Test]
    public void TheRecentlyEndedStoreDropsTheOldestBeyondItsBound()
    {
        var (_, table, _) = Specs.NewTable(new SessionTableOptions { RecentlyEndedCapacity = 3 });
        var sessions = Enumerable.Range(0, 5).Select(_ => table.Open(Specs.Udp())).ToList();
        foreach (var session in sessions.AsEnumerable().Reverse())
        {
            table.Clear(session.Id);
        }

        Assert.That(table.RecentlyEndedCount, Is.EqualTo(3));
        Assert.That(sessions.Select(s => table.Find(s.Id) is not null), Is.EqualTo(new[] { true, true, true, false, false }));
        table.CheckConsistency();
    }

    [Test]
    public void ARecentlyEndedStoreOfZeroKeepsNothing()
    {
        var (_, table, _) = Specs.NewTable(new SessionTableOptions { RecentlyEndedCapacity = 0 });
        var session = table.Open(Specs.Udp());
        table.Clear(session.Id);
        Assert.That(table.Find(session.Id), Is.Null);
        Assert.That(() => new SessionTable(TimeProvider.System, new SessionTableOptions { RecentlyEndedCapacity = -1 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void ReusedIdsDoNotLetTheEndedStoreGrowPastItsBound()
    {
        var (_, table, _) = Specs.NewTable(new SessionTableOptions { RecentlyEndedCapacity = 4 });
        for (var round = 0; round < 200; round++)
        {
            table.Open(Specs.Udp() with { Id = (uint)(round % 6) + 1 });
            table.Clear((uint)(round % 6) + 1);
            table.CheckConsistency();
        }

        Assert.That(table.RecentlyEndedCount, Is.EqualTo(4));
        Assert.That(new uint[] { 1, 2, 5, 6 }.Select(id => table.Find(id) is not null), Is.All.True);
    }

    [Test]
    public void ScansStreamByIdAscendingWhateverTheOpeningOrder()
    {
        var (_, table, _) = Specs.NewTable(new SessionTableOptions { FirstId = 100 });
        table.Open(Specs.Udp());
        table.Open(Specs.Udp() with { Id = 50 });
        table.Open(Specs.Udp());
        table.Open(Specs.Udp() with { Id = 75 });
        table.Open(Specs.Udp() with { Id = 500 });
        table.Open(Specs.Udp() with { Id = 1 });
        table.Clear(75);

        Assert.That(table.Scan().Select(s => s.Id), Is.EqualTo(new uint[] { 1, 50, 100, 101, 500 }));
        Assert.That(table.Scan(new SessionFilter { StartAt = 60 }).Select(s => s.Id), Is.EqualTo(new uint[] { 100, 101, 500 }));
        Assert.That(table.Scan(new SessionFilter { StartAt = 101 }).Select(s => s.Id), Is.EqualTo(new uint[] { 101, 500 }));
        Assert.That(table.Count(new SessionFilter { StartAt = 101 }), Is.EqualTo(2));
        Assert.That(table.Scan(s => s.Id % 2 == 0).Select(s => s.Id), Is.EqualTo(new uint[] { 50, 100, 500 }));
        Assert.That(table.Count(s => s.Id % 2 == 0), Is.EqualTo(3));
    }

    [Test]
    public void ScansStayOrderedThroughManyFreesAndTombstoneCompactions()
    {
        var (_, table, _) = Specs.NewTable();
        var ids = Enumerable.Range(0, 5000).Select(_ => table.Open(Specs.Udp()).Id).ToList();
        foreach (var id in ids.Where(id => id % 5 != 0))
        {
            table.Clear(id);
        }

        table.Open(Specs.Udp() with { Id = 2 });
        table.CheckConsistency();
        var expected = ids.Where(id => id % 5 == 0).Prepend(2u).ToList();
        Assert.That(table.Scan().Select(s => s.Id), Is.EqualTo(expected));
        Assert.That(table.Count(new SessionFilter { Protocol = 17 }), Is.EqualTo(expected.Count));
    }

    [Test]
    public void AScanFailsIfSessionsOpenOrAreFreedWhileItIsEnumerated()
    {
        var (_, table, _) = Specs.NewTable();
        for (var i = 0; i < 3; i++)
        {
            table.Open(Specs.Udp());
        }

        Assert.That(() =>
        {
            foreach (var session in table.Scan())
            {
                table.Clear(session.Id);
            }
        }, Throws.InvalidOperationException);
        Assert.That(() =>
        {
            foreach (var _ in table.Scan())
            {
                table.Open(Specs.Udp());
            }
        }, Throws.InvalidOperationException);
    }

    [Test]
    public void TrafficAndStateChangesDuringAScanAreAllowed()
    {
        var (_, table, _) = Specs.NewTable();
        for (var i = 0; i < 3; i++)
        {
            table.Open(Specs.Tcp());
        }

        foreach (var session in table.Scan())
        {
            table.RecordTraffic(session.Id, 1, 1, 1, 1);
            table.End(session.Id, TrackerStage.TcpFin);
        }

        Assert.That(table.Count(new SessionFilter { State = SessionState.Closing }), Is.EqualTo(3));
    }

    [Test]
    public void EachFilterCriterionSelects()
    {
        var (_, table, _) = Specs.NewTable();
        var web = table.Open(Specs.Tcp() with { PbfRule = "wt-VPNTest 1", SourceUser = "corp\\alice", IngressInterface = "ethernet1/6", EgressInterface = "tunnel.179", NatRule = "Lan" });
        var dns = table.Open(Specs.Udp() with { Vsys = "vsys2", DestinationUser = "corp\\dns" });
        var ping = table.Open(Specs.Icmp());
        var opening = table.Open(Specs.Tcp(established: false) with { SourcePort = 5000 });
        var predict = table.Open(Specs.Tcp() with { Type = SessionType.Predict, SourcePort = 0 });

        Assert.Multiple(() =>
        {
            Assert.That(Ids(new SessionFilter()), Is.EqualTo(Of(web, dns, ping, opening, predict)));
            Assert.That(Ids(new SessionFilter { From = "trust" }), Is.EqualTo(Of(web, dns, opening, predict)));
            Assert.That(Ids(new SessionFilter { To = "Outside" }), Is.EqualTo(Of(ping)));
            Assert.That(Ids(new SessionFilter { From = "Trust" }), Is.Empty, "names are case-sensitive");
            Assert.That(Ids(new SessionFilter { Source = Specs.Ip("192.168.1.20") }), Is.EqualTo(Of(ping)));
            Assert.That(Ids(new SessionFilter { Destination = Specs.Ip("8.8.8.8") }), Is.EqualTo(Of(dns)));
            Assert.That(Ids(new SessionFilter { SourcePort = 5000 }), Is.EqualTo(Of(opening)));
            Assert.That(Ids(new SessionFilter { DestinationPort = 53 }), Is.EqualTo(Of(dns)));
            Assert.That(Ids(new SessionFilter { Protocol = 6 }), Is.EqualTo(Of(web, opening, predict)));
            Assert.That(Ids(new SessionFilter { Application = "ping" }), Is.EqualTo(Of(ping)));
            Assert.That(Ids(new SessionFilter { Rule = "allow-dns" }), Is.EqualTo(Of(dns)));
            Assert.That(Ids(new SessionFilter { State = SessionState.Opening }), Is.EqualTo(Of(opening)));
            Assert.That(Ids(new SessionFilter { State = SessionState.Active }), Is.EqualTo(Of(web, dns, ping, predict)));
            Assert.That(Ids(new SessionFilter { Type = SessionType.Predict }), Is.EqualTo(Of(predict)));
            Assert.That(Ids(new SessionFilter { SourceUser = "corp\\alice" }), Is.EqualTo(Of(web)));
            Assert.That(Ids(new SessionFilter { DestinationUser = "corp\\dns" }), Is.EqualTo(Of(dns)));
            Assert.That(Ids(new SessionFilter { PbfRule = "wt-VPNTest 1" }), Is.EqualTo(Of(web)));
            Assert.That(Ids(new SessionFilter { NatRule = "Lan" }), Is.EqualTo(Of(web)));
            Assert.That(Ids(new SessionFilter { IngressInterface = "ethernet1/6" }), Is.EqualTo(Of(web)));
            Assert.That(Ids(new SessionFilter { EgressInterface = "tunnel.179" }), Is.EqualTo(Of(web)));
            Assert.That(Ids(new SessionFilter { Vsys = "vsys2" }), Is.EqualTo(Of(dns)));
            Assert.That(Ids(new SessionFilter { Protocol = 6, State = SessionState.Active, Type = SessionType.Flow }), Is.EqualTo(Of(web)));
            Assert.That(Ids(new SessionFilter { StartAt = ping.Id }), Is.EqualTo(Of(ping, opening, predict)));
        });

        List<uint> Ids(SessionFilter filter)
        {
            var scanned = table.Scan(filter).Select(s => s.Id).ToList();
            Assert.That(table.Count(filter), Is.EqualTo(scanned.Count));
            return scanned;
        }

        static List<uint> Of(params Session[] sessions) => [.. sessions.Select(s => s.Id)];
    }

    [Test]
    public void CountsFollowTheLiveSessionsByProtocol()
    {
        var (clock, table, _) = Specs.NewTable();
        for (var i = 0; i < 4; i++)
        {
            table.Open(Specs.Tcp());
        }

        table.Open(Specs.Tcp() with { Action = RuleAction.Deny });
        table.Open(Specs.Udp());
        table.Open(Specs.Udp());
        table.Open(Specs.Icmp());
        table.Open(Specs.Of(132));
        table.Open(Specs.Tcp() with { Type = SessionType.Predict });

        Assert.Multiple(() =>
        {
            Assert.That(table.ActiveCount(6), Is.EqualTo(5), "DISCARD sessions hold a slot");
            Assert.That(table.ActiveCount(17), Is.EqualTo(2));
            Assert.That(table.ActiveCount(1), Is.EqualTo(1));
            Assert.That(table.ActiveCount(132), Is.EqualTo(1));
            Assert.That(table.ActiveCount(47), Is.Zero);
            Assert.That(table.ActiveCount(-1), Is.Zero);
            Assert.That(table.ActiveCount(300), Is.Zero);
            Assert.That(table.PredictCount, Is.EqualTo(1));
            Assert.That(table.LiveCount, Is.EqualTo(10));
            Assert.That(table.CreatedSinceBoot, Is.EqualTo(10));
        });

        clock.Tick(table, 30);

        Assert.Multiple(() =>
        {
            Assert.That(table.ActiveCount(6), Is.EqualTo(5));
            Assert.That(table.ActiveCount(17), Is.Zero);
            Assert.That(table.ActiveCount(1), Is.Zero);
            Assert.That(table.PredictCount, Is.EqualTo(1));
            Assert.That(table.LiveCount, Is.EqualTo(7));
            Assert.That(table.CreatedSinceBoot, Is.EqualTo(10));
        });
    }

    [Test]
    public void AdvanceReportsHowManySessionsItFreed()
    {
        var (clock, table, _) = Specs.NewTable();
        table.Open(Specs.Udp());
        table.Open(Specs.Icmp());
        var fin = table.Open(Specs.Tcp());
        table.End(fin.Id, TrackerStage.TcpFin);

        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.That(table.Advance(), Is.EqualTo(1));
        Assert.That(table.Advance(), Is.Zero);
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.That(table.Advance(), Is.EqualTo(2));
        Assert.That(table.LiveCount, Is.Zero);
    }
}
