using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Tests.Engine.Sessions;

[TestFixture]
public sealed class SessionLifecycleTests
{
    [Test]
    public void TcpNotYetEstablishedOpensInOpeningWithTheHandshakeTimeout()
    {
        var (_, table, ended) = Specs.NewTable();
        var session = table.Open(Specs.Tcp(established: false));

        Assert.Multiple(() =>
        {
            Assert.That(session.ClientToServer.State, Is.EqualTo(SessionState.Opening));
            Assert.That(session.ServerToClient.State, Is.EqualTo(SessionState.Opening));
            Assert.That(session.TimeoutSeconds, Is.EqualTo(10));
            Assert.That(session.InAger, Is.True);
            Assert.That(session.TrackerStage, Is.EqualTo(TrackerStage.None));
            Assert.That(session.EndReason, Is.EqualTo(EndReason.Unknown));
            Assert.That(session.EndTime, Is.Null);
            Assert.That(session.StartTime, Is.EqualTo(Specs.Epoch));
            Assert.That(table.ExpiresAt(session.Id), Is.EqualTo(Specs.Epoch.AddSeconds(10)));
            Assert.That(ended, Is.Empty);
        });
    }

    [Test]
    public void AnUnansweredHandshakeAgesOutAtTheHandshakeTimeoutAndNotASecondBefore()
    {
        var (clock, table, ended) = Specs.NewTable();
        var session = table.Open(Specs.Tcp(established: false));

        clock.Tick(table, 9);
        Assert.That(table.IsLive(session.Id), Is.True);
        clock.Tick(table, 1);

        Assert.That(table.IsLive(session.Id), Is.False);
        Assert.That(session.TrackerStage, Is.EqualTo(TrackerStage.AgedOut));
        Assert.That(session.EndReason, Is.EqualTo(EndReason.AgedOut));
        Assert.That(ended, Has.Count.EqualTo(1));
    }

    [Test]
    public void EstablishMovesOpeningToActiveWithTheProtocolTimeout()
    {
        var (clock, table, _) = Specs.NewTable();
        var session = table.Open(Specs.Tcp(established: false));
        clock.Tick(table, 3);

        Assert.That(table.Establish(session.Id), Is.True);

        Assert.Multiple(() =>
        {
            Assert.That(session.ClientToServer.State, Is.EqualTo(SessionState.Active));
            Assert.That(session.ServerToClient.State, Is.EqualTo(SessionState.Active));
            Assert.That(session.TimeoutSeconds, Is.EqualTo(3600));
            Assert.That(session.LastActivity, Is.EqualTo(Specs.Epoch.AddSeconds(3)));
            Assert.That(table.ExpiresAt(session.Id), Is.EqualTo(Specs.Epoch.AddSeconds(3603)));
        });
        clock.Tick(table, 3599);
        Assert.That(table.IsLive(session.Id), Is.True);
        clock.Tick(table, 1);
        Assert.That(table.IsLive(session.Id), Is.False);
    }

    [Test]
    public void AnExplicitTimeoutAppliesOnceEstablished()
    {
        var (_, table, _) = Specs.NewTable();
        var session = table.Open(Specs.Tcp(established: false) with { TimeoutSeconds = 30 });
        Assert.That(session.TimeoutSeconds, Is.EqualTo(10));

        table.Establish(session.Id);

        Assert.That(session.TimeoutSeconds, Is.EqualTo(30));
    }

    [Test]
    public void EstablishIsRefusedOutsideOpening()
    {
        var (_, table, _) = Specs.NewTable();
        var active = table.Open(Specs.Tcp());
        var udp = table.Open(Specs.Udp());
        Assert.That(table.Establish(active.Id), Is.False);
        Assert.That(table.Establish(udp.Id), Is.False);
        Assert.That(table.Establish(999), Is.False);
        Assert.That(active.TimeoutSeconds, Is.EqualTo(3600));
    }

    [TestCase(17, 30)]
    [TestCase(1, 6)]
    [TestCase(132, 3600)]
    [TestCase(47, 30)]
    public void OtherProtocolsOpenActiveWithTheirTimeoutEvenUnestablished(int protocol, int timeout)
    {
        var (_, table, _) = Specs.NewTable();
        var session = table.Open(Specs.Of(protocol) with { Established = false });
        Assert.That(session.State, Is.EqualTo(SessionState.Active));
        Assert.That(session.TimeoutSeconds, Is.EqualTo(timeout));
    }

    [Test]
    public void AnEstablishedTcpSessionOpensActive()
    {
        var (_, table, _) = Specs.NewTable();
        var session = table.Open(Specs.Tcp());
        Assert.That(session.State, Is.EqualTo(SessionState.Active));
        Assert.That(session.TimeoutSeconds, Is.EqualTo(3600));
    }

    [Test]
    public void ACaptivePortalSessionTakesTheCaptivePortalTimeout()
    {
        var (_, table, _) = Specs.NewTable();
        var session = table.Open(Specs.Tcp() with { CaptivePortal = true });
        Assert.That(session.TimeoutSeconds, Is.EqualTo(30));
    }

    [TestCase(17, 30)]
    [TestCase(1, 6)]
    [TestCase(47, 30)]
    public void AnIdleSessionAgesOutExactlyAtItsTimeout(int protocol, int timeout)
    {
        var (clock, table, ended) = Specs.NewTable();
        var session = table.Open(Specs.Of(protocol));

        clock.Tick(table, timeout - 1);
        Assert.That(table.IsLive(session.Id), Is.True);
        Assert.That(session.State, Is.EqualTo(SessionState.Active));
        clock.Tick(table, 1);

        Assert.Multiple(() =>
        {
            Assert.That(table.IsLive(session.Id), Is.False);
            Assert.That(session.ClientToServer.State, Is.EqualTo(SessionState.Init));
            Assert.That(session.ServerToClient.State, Is.EqualTo(SessionState.Init));
            Assert.That(session.InAger, Is.False);
            Assert.That(session.TrackerStage, Is.EqualTo(TrackerStage.AgedOut));
            Assert.That(session.EndReason, Is.EqualTo(EndReason.AgedOut));
            Assert.That(session.EndTime, Is.EqualTo(Specs.Epoch.AddSeconds(timeout)));
            Assert.That(session.TimeoutSeconds, Is.EqualTo(timeout));
            Assert.That(ended.Single().Session, Is.SameAs(session));
            Assert.That(ended.Single().Action, Is.EqualTo(RuleAction.Allow));
        });
    }

    [Test]
    public void AnAgedOutSessionEndsAtItsDueTimeEvenWhenTheAgerRunsLate()
    {
        var (clock, table, _) = Specs.NewTable();
        var session = table.Open(Specs.Udp());
        clock.Tick(table, 500);
        Assert.That(session.EndTime, Is.EqualTo(Specs.Epoch.AddSeconds(30)));
    }

    [Test]
    public void TrafficRefreshesTheExpiry()
    {
        var (clock, table, _) = Specs.NewTable();
        var session = table.Open(Specs.Udp());
        clock.Tick(table, 20);

        Assert.That(table.RecordTraffic(session.Id, 100, 200, 1, 2), Is.True);
        Assert.That(table.RecordTraffic(session.Id, 10, 20, 1, 1), Is.True);

        Assert.Multiple(() =>
        {
            Assert.That(session.BytesClientToServer, Is.EqualTo(110));
            Assert.That(session.BytesServerToClient, Is.EqualTo(220));
            Assert.That(session.Layer7PacketsClientToServer, Is.EqualTo(2));
            Assert.That(session.Layer7PacketsServerToClient, Is.EqualTo(3));
            Assert.That(session.LastActivity, Is.EqualTo(Specs.Epoch.AddSeconds(20)));
            Assert.That(table.ExpiresAt(session.Id), Is.EqualTo(Specs.Epoch.AddSeconds(50)));
        });
        clock.Tick(table, 29);
        Assert.That(table.IsLive(session.Id), Is.True);
        clock.Tick(table, 1);
        Assert.That(table.IsLive(session.Id), Is.False);
        Assert.That(session.EndTime, Is.EqualTo(Specs.Epoch.AddSeconds(50)));
    }

    [Test]
    public void TrafficOnAFreedOrUnknownSessionIsRefused()
    {
        var (clock, table, _) = Specs.NewTable();
        var session = table.Open(Specs.Udp());
        clock.Tick(table, 30);
        Assert.That(table.RecordTraffic(session.Id, 1, 1, 1, 1), Is.False);
        Assert.That(table.RecordTraffic(12345, 1, 1, 1, 1), Is.False);
        Assert.That(session.BytesClientToServer, Is.Zero);
    }

    [Test]
    public void MutatorsRunTheAgerFirstSoAnOverdueSessionIsNotRefreshed()
    {
        var (clock, table, ended) = Specs.NewTable();
        var session = table.Open(Specs.Udp());
        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.That(table.RecordTraffic(session.Id, 1, 1, 1, 1), Is.False);
        Assert.That(session.TrackerStage, Is.EqualTo(TrackerStage.AgedOut));
        Assert.That(ended, Has.Count.EqualTo(1));
    }

    [Test]
    public void TcpFinHoldsTheSessionInClosingForTimeWaitThenFreesIt()
    {
        var (clock, table, ended) = Specs.NewTable();
        var session = table.Open(Specs.Tcp());
        clock.Tick(table, 300);

        Assert.That(table.End(session.Id, TrackerStage.TcpFin), Is.True);

        Assert.Multiple(() =>
        {
            Assert.That(session.ClientToServer.State, Is.EqualTo(SessionState.Closing));
            Assert.That(session.ServerToClient.State, Is.EqualTo(SessionState.Closing));
            Assert.That(session.InAger, Is.True);
            Assert.That(session.TrackerStage, Is.EqualTo(TrackerStage.TcpFin));
            Assert.That(session.EndReason, Is.EqualTo(EndReason.TcpFin));
            Assert.That(session.EndTime, Is.EqualTo(Specs.Epoch.AddSeconds(300)));
            Assert.That(table.ExpiresAt(session.Id), Is.EqualTo(Specs.Epoch.AddSeconds(315)));
            Assert.That(table.Scan().Select(s => s.Id), Is.EqualTo(new[] { session.Id }));
            Assert.That(ended.Single().Session.State, Is.EqualTo(SessionState.Closing));
        });
        clock.Tick(table, 14);
        Assert.That(table.IsLive(session.Id), Is.True);
        clock.Tick(table, 1);

        Assert.Multiple(() =>
        {
            Assert.That(table.IsLive(session.Id), Is.False);
            Assert.That(session.State, Is.EqualTo(SessionState.Init));
            Assert.That(session.ServerToClient.State, Is.EqualTo(SessionState.Init));
            Assert.That(session.InAger, Is.False);
            Assert.That(session.TrackerStage, Is.EqualTo(TrackerStage.TcpFin));
            Assert.That(session.EndTime, Is.EqualTo(Specs.Epoch.AddSeconds(300)));
            Assert.That(session.TimeoutSeconds, Is.EqualTo(3600), "the printed timeout stays the session's own");
            Assert.That(ended, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void TheKnowledgeBaseExampleEndsWithTcpFinAndReadsInitAfterwards()
    {
        var (clock, table, _) = Specs.NewTable();
        table.Open(Specs.Tcp() with
        {
            Id = 4632,
            PbfRule = "wt-VPNTest 1",
            IngressInterface = "ethernet1/6",
            EgressInterface = "tunnel.179",
            TraversesTunnel = true,
            TimeoutSeconds = 30,
        });
        clock.Tick(table, 10);
        table.RecordTraffic(4632, 1063, 1461, 12, 10);
        clock.Tick(table, 5);
        table.End(4632, TrackerStage.TcpFin);
        clock.Tick(table, 15);

        var session = table.Find(4632)!;
        Assert.Multiple(() =>
        {
            Assert.That(session.State, Is.EqualTo(SessionState.Init));
            Assert.That(session.ServerToClient.State, Is.EqualTo(SessionState.Init));
            Assert.That(session.TimeoutSeconds, Is.EqualTo(30));
            Assert.That(session.BytesClientToServer, Is.EqualTo(1063));
            Assert.That(session.BytesServerToClient, Is.EqualTo(1461));
            Assert.That(session.Layer7PacketsClientToServer, Is.EqualTo(12));
            Assert.That(session.Layer7PacketsServerToClient, Is.EqualTo(10));
            Assert.That(session.ClientToServer.PbfRule, Is.EqualTo("wt-VPNTest 1"));
            Assert.That(session.ServerToClient.PbfRule, Is.Null);
            Assert.That(session.ServerToClient.SourceZone, Is.EqualTo("VPN"));
            Assert.That(session.StartTime, Is.EqualTo(Specs.Epoch));
            Assert.That(session.TrackerStage, Is.EqualTo(TrackerStage.TcpFin));
            Assert.That(table.Scan(), Is.Empty);
        });
    }

    [TestCase(TrackerStage.TcpRstClient, EndReason.TcpRstFromClient)]
    [TestCase(TrackerStage.TcpRstServer, EndReason.TcpRstFromServer)]
    [TestCase(TrackerStage.AgedOut, EndReason.AgedOut)]
    public void ResetsAndAnExplicitAgeOutFreeTheSessionAtOnce(TrackerStage stage, EndReason reason)
    {
        var (clock, table, ended) = Specs.NewTable();
        var session = table.Open(Specs.Tcp());
        clock.Tick(table, 42);
        SessionState? stateWhenAnnounced = null;
        table.SessionEnded += (_, e) => stateWhenAnnounced = e.Session.State;

        Assert.That(table.End(session.Id, stage), Is.True);

        Assert.Multiple(() =>
        {
            Assert.That(table.IsLive(session.Id), Is.False);
            Assert.That(session.State, Is.EqualTo(SessionState.Init));
            Assert.That(session.InAger, Is.False);
            Assert.That(session.TrackerStage, Is.EqualTo(stage));
            Assert.That(session.EndReason, Is.EqualTo(reason));
            Assert.That(session.EndTime, Is.EqualTo(Specs.Epoch.AddSeconds(42)));
            Assert.That(stateWhenAnnounced, Is.EqualTo(SessionState.Init));
            Assert.That(ended, Has.Count.EqualTo(1));
        });
    }

    [TestCase(TrackerStage.AppidPolicyLookupDeny, EndReason.PolicyDeny, RuleAction.Deny)]
    [TestCase(TrackerStage.MitigationTdb, EndReason.Threat, RuleAction.Allow)]
    [TestCase(TrackerStage.ResourceLimit, EndReason.ResourcesUnavailable, RuleAction.Allow)]
    [TestCase(TrackerStage.HostService, EndReason.Unknown, RuleAction.Allow)]
    public void DiscardStagesHoldTheSessionForTheDiscardTimeoutThenFreeIt(TrackerStage stage, EndReason reason, RuleAction action)
    {
        foreach (var (protocol, hold) in new[] { (6, 90), (17, 60), (1, 60), (47, 60) })
        {
            var (clock, table, ended) = Specs.NewTable();
            var session = table.Open(Specs.Of(protocol));
            clock.Tick(table, 2);

            Assert.That(table.End(session.Id, stage), Is.True);

            Assert.Multiple(() =>
            {
                Assert.That(session.ClientToServer.State, Is.EqualTo(SessionState.Discard));
                Assert.That(session.ServerToClient.State, Is.EqualTo(SessionState.Discard));
                Assert.That(session.TrackerStage, Is.EqualTo(stage));
                Assert.That(session.EndReason, Is.EqualTo(reason));
                Assert.That(session.EndTime, Is.EqualTo(Specs.Epoch.AddSeconds(2)));
                Assert.That(session.InAger, Is.True);
                Assert.That(table.ExpiresAt(session.Id), Is.EqualTo(Specs.Epoch.AddSeconds(2 + hold)));
                Assert.That(ended.Single().Action, Is.EqualTo(action));
            });
            clock.Tick(table, hold - 1);
            Assert.That(table.IsLive(session.Id), Is.True, $"protocol {protocol}");
            clock.Tick(table, 1);
            Assert.That(table.IsLive(session.Id), Is.False, $"protocol {protocol}");
            Assert.That(session.State, Is.EqualTo(SessionState.Init));
            Assert.That(session.TrackerStage, Is.EqualTo(stage));
            Assert.That(ended, Has.Count.EqualTo(1));
        }
    }

    [TestCase(RuleAction.Deny, 6, 90)]
    [TestCase(RuleAction.Drop, 6, 90)]
    [TestCase(RuleAction.Deny, 17, 60)]
    [TestCase(RuleAction.Drop, 1, 60)]
    public void ASessionOnADenyingRuleOpensInDiscardUntilTheDiscardTimeout(RuleAction action, int protocol, int hold)
    {
        var (clock, table, ended) = Specs.NewTable();
        var session = table.Open(Specs.Of(protocol) with { Action = action, Established = false, TimeoutSeconds = 5 });

        Assert.Multiple(() =>
        {
            Assert.That(session.ClientToServer.State, Is.EqualTo(SessionState.Discard));
            Assert.That(session.ServerToClient.State, Is.EqualTo(SessionState.Discard));
            Assert.That(session.TimeoutSeconds, Is.EqualTo(hold));
            Assert.That(session.TrackerStage, Is.EqualTo(TrackerStage.AppidPolicyLookupDeny));
            Assert.That(session.EndReason, Is.EqualTo(EndReason.PolicyDeny));
            Assert.That(session.EndTime, Is.EqualTo(Specs.Epoch));
            Assert.That(ended.Single().Session, Is.SameAs(session));
            Assert.That(ended.Single().Action, Is.EqualTo(action));
        });
        clock.Tick(table, hold - 1);
        Assert.That(table.IsLive(session.Id), Is.True);
        Assert.That(table.End(session.Id, TrackerStage.MitigationTdb), Is.False, "it already ended");
        clock.Tick(table, 1);
        Assert.That(table.IsLive(session.Id), Is.False);
        Assert.That(session.State, Is.EqualTo(SessionState.Init));
        Assert.That(ended, Has.Count.EqualTo(1));
    }

    [Test]
    public void TrafficWhileInDiscardRefreshesTheHold()
    {
        var (clock, table, _) = Specs.NewTable();
        var session = table.Open(Specs.Udp() with { Action = RuleAction.Drop });
        clock.Tick(table, 59);
        table.RecordTraffic(session.Id, 60, 0, 1, 0);
        clock.Tick(table, 59);
        Assert.That(table.IsLive(session.Id), Is.True);
        clock.Tick(table, 1);
        Assert.That(table.IsLive(session.Id), Is.False);
        Assert.That(session.EndTime, Is.EqualTo(Specs.Epoch), "the end is when it was denied");
    }

    [Test]
    public void AnEndedSessionCannotEndAgain()
    {
        var (_, table, ended) = Specs.NewTable();
        var session = table.Open(Specs.Tcp());
        table.End(session.Id, TrackerStage.TcpFin);

        Assert.That(table.End(session.Id, TrackerStage.TcpRstClient), Is.False);
        Assert.That(table.End(session.Id, TrackerStage.MitigationTdb), Is.False);
        Assert.That(session.TrackerStage, Is.EqualTo(TrackerStage.TcpFin));
        Assert.That(session.State, Is.EqualTo(SessionState.Closing));
        Assert.That(ended, Has.Count.EqualTo(1));
        Assert.That(table.End(777, TrackerStage.AgedOut), Is.False);
    }

    [Test]
    public void EndNeedsARealStageAndTcpStagesNeedTcp()
    {
        var (_, table, _) = Specs.NewTable();
        var udp = table.Open(Specs.Udp());
        Assert.That(() => table.End(udp.Id, TrackerStage.None), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => table.End(udp.Id, (TrackerStage)99), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => table.End(udp.Id, TrackerStage.TcpFin), Throws.ArgumentException);
        Assert.That(() => table.End(udp.Id, TrackerStage.TcpRstServer), Throws.ArgumentException);
        Assert.That(udp.State, Is.EqualTo(SessionState.Active));
    }

    [Test]
    public void FinOnAnUnestablishedSessionClosesIt()
    {
        var (_, table, _) = Specs.NewTable();
        var session = table.Open(Specs.Tcp(established: false));
        Assert.That(table.End(session.Id, TrackerStage.TcpFin), Is.True);
        Assert.That(session.State, Is.EqualTo(SessionState.Closing));
        Assert.That(table.Establish(session.Id), Is.False);
    }

    [Test]
    public void ClearFreesAtOnceWithEndReasonUnknownAndNoTrackerStage()
    {
        var (clock, table, ended) = Specs.NewTable();
        var session = table.Open(Specs.Tcp());
        clock.Tick(table, 7);

        Assert.That(table.Clear(session.Id), Is.True);

        Assert.Multiple(() =>
        {
            Assert.That(table.IsLive(session.Id), Is.False);
            Assert.That(session.State, Is.EqualTo(SessionState.Init));
            Assert.That(session.InAger, Is.False);
            Assert.That(session.TrackerStage, Is.EqualTo(TrackerStage.None));
            Assert.That(session.EndReason, Is.EqualTo(EndReason.Unknown));
            Assert.That(session.EndTime, Is.EqualTo(Specs.Epoch.AddSeconds(7)));
            Assert.That(table.Find(session.Id), Is.SameAs(session));
            Assert.That(ended.Single().Action, Is.EqualTo(RuleAction.Allow));
        });
        Assert.That(table.Clear(session.Id), Is.False);
        Assert.That(table.Clear(4242), Is.False);
    }

    [Test]
    public void ClearingADiscardedSessionFreesItWithoutAnnouncingItAgain()
    {
        var (clock, table, ended) = Specs.NewTable();
        var session = table.Open(Specs.Udp());
        table.End(session.Id, TrackerStage.ResourceLimit);
        clock.Tick(table, 3);

        Assert.That(table.Clear(session.Id), Is.True);

        Assert.That(session.State, Is.EqualTo(SessionState.Init));
        Assert.That(session.TrackerStage, Is.EqualTo(TrackerStage.ResourceLimit));
        Assert.That(session.EndReason, Is.EqualTo(EndReason.ResourcesUnavailable));
        Assert.That(session.EndTime, Is.EqualTo(Specs.Epoch));
        Assert.That(ended, Has.Count.EqualTo(1));
    }

    [Test]
    public void ClearWithAFilterClearsOnlyTheMatchingSessions()
    {
        var (_, table, ended) = Specs.NewTable();
        var tcp = Enumerable.Range(0, 5).Select(_ => table.Open(Specs.Tcp())).ToList();
        var udp = Enumerable.Range(0, 3).Select(_ => table.Open(Specs.Udp())).ToList();

        Assert.That(table.Clear(new SessionFilter { Protocol = 17 }), Is.EqualTo(3));

        Assert.That(udp.Select(s => table.IsLive(s.Id)), Is.All.False);
        Assert.That(tcp.Select(s => table.IsLive(s.Id)), Is.All.True);
        Assert.That(ended, Has.Count.EqualTo(3));
        Assert.That(table.Clear(new SessionFilter { Rule = "nothing" }), Is.Zero);
        Assert.That(table.Clear(SessionFilter.All), Is.EqualTo(5));
        Assert.That(table.LiveCount, Is.Zero);
    }

    [Test]
    public void EverySessionIsAnnouncedOnceWhateverItsPathOut()
    {
        var (clock, table, ended) = Specs.NewTable();
        var aged = table.Open(Specs.Udp());
        var fin = table.Open(Specs.Tcp());
        var denied = table.Open(Specs.Tcp() with { Action = RuleAction.Deny });
        var threat = table.Open(Specs.Tcp());
        var cleared = table.Open(Specs.Icmp());
        var reset = table.Open(Specs.Tcp());
        table.End(fin.Id, TrackerStage.TcpFin);
        table.End(threat.Id, TrackerStage.MitigationTdb);
        table.Clear(cleared.Id);
        table.End(reset.Id, TrackerStage.TcpRstServer);
        table.Clear(threat.Id);
        clock.Tick(table, 4000);

        Assert.That(table.LiveCount, Is.Zero);
        Assert.That(ended.Select(e => e.Session), Is.EquivalentTo(new[] { aged, fin, denied, threat, cleared, reset }));
        Assert.That(ended.Select(e => e.Session).Distinct().Count(), Is.EqualTo(6));
    }

    [Test]
    public void APredictSessionOpensWithItsServerFlowOpeningAndBecomesAFlowWhenMatched()
    {
        var (_, table, _) = Specs.NewTable();
        var parent = table.Open(Specs.Tcp() with { Application = "ftp" });
        var predict = table.Open(new SessionSpec(Specs.Ip("10.59.59.132"), "L3-DMZ", 0, Specs.Ip("172.16.59.100"), "L3-Inside", 16889, 6)
        {
            Type = SessionType.Predict,
            ParentSession = parent.Id,
            Application = "ftp-data",
            LogAtEnd = false,
            TimeoutSeconds = 60,
        });

        Assert.Multiple(() =>
        {
            Assert.That(predict.ClientToServer.State, Is.EqualTo(SessionState.Active));
            Assert.That(predict.ServerToClient.State, Is.EqualTo(SessionState.Opening));
            Assert.That(predict.Type, Is.EqualTo(SessionType.Predict));
            Assert.That(predict.ServerToClient.Type, Is.EqualTo(SessionType.Predict));
            Assert.That(predict.TimeoutSeconds, Is.EqualTo(60));
            Assert.That(predict.ParentSession, Is.EqualTo(parent.Id));
            Assert.That(table.PredictCount, Is.EqualTo(1));
            Assert.That(table.ActiveCount(6), Is.EqualTo(1));
        });

        Assert.That(table.Establish(predict.Id), Is.True);

        Assert.Multiple(() =>
        {
            Assert.That(predict.Type, Is.EqualTo(SessionType.Flow));
            Assert.That(predict.ServerToClient.State, Is.EqualTo(SessionState.Active));
            Assert.That(table.PredictCount, Is.Zero);
            Assert.That(table.ActiveCount(6), Is.EqualTo(2));
        });
    }

    [Test]
    public void TheServerFlowShowsTheTranslatedAddresses()
    {
        var (_, table, _) = Specs.NewTable();
        var session = table.Open(Specs.Icmp() with
        {
            TranslatedSource = Specs.Ip("10.2.62.150"),
            NatRule = "Lan(vsys1)",
        });

        Assert.Multiple(() =>
        {
            Assert.That(session.ServerToClient.Source, Is.EqualTo(Specs.Ip("1.1.1.1")));
            Assert.That(session.ServerToClient.Destination, Is.EqualTo(Specs.Ip("10.2.62.150")));
            Assert.That(session.ServerToClient.SourcePort, Is.EqualTo(31));
            Assert.That(session.ServerToClient.DestinationPort, Is.EqualTo(1));
            Assert.That(session.ServerToClient.SourceZone, Is.EqualTo("Outside"));
            Assert.That(session.Translation, Is.EqualTo("source"));
            Assert.That(session.Flag, Is.EqualTo("NS"));
        });

        var both = table.Open(Specs.Tcp() with
        {
            TranslatedSource = Specs.Ip("203.0.113.1"),
            TranslatedSourcePort = 40000,
            TranslatedDestination = Specs.Ip("10.9.9.9"),
            TranslatedDestinationPort = 8080,
            DestinationUser = "corp\\web",
        });
        Assert.That(both.ServerToClient.Source, Is.EqualTo(Specs.Ip("10.9.9.9")));
        Assert.That(both.ServerToClient.SourcePort, Is.EqualTo(8080));
        Assert.That(both.ServerToClient.DestinationPort, Is.EqualTo(40000));
        Assert.That(both.ServerToClient.SourceUser, Is.EqualTo("corp\\web"));
        Assert.That(both.Flag, Is.EqualTo("NB"));
        Assert.That(table.Open(Specs.Tcp() with { TranslatedDestination = Specs.Ip("10.9.9.9") }).Flag, Is.EqualTo("ND"));
        Assert.That(table.Open(Specs.Tcp()).Translation, Is.Null);
    }

    [Test]
    public void ASessionMayCarryAnEarlierStartTimeButNotALaterOne()
    {
        var (_, table, _) = Specs.NewTable();
        var session = table.Open(Specs.Udp() with { StartTime = Specs.Epoch.AddHours(-1) });
        Assert.That(session.StartTime, Is.EqualTo(Specs.Epoch.AddHours(-1)));
        Assert.That(table.ExpiresAt(session.Id), Is.EqualTo(Specs.Epoch.AddSeconds(30)), "idleness counts from the opening");
        Assert.That(() => table.Open(Specs.Udp() with { StartTime = Specs.Epoch.AddSeconds(1) }), Throws.ArgumentException);
    }

    [Test]
    public void InvalidSpecsAreRejected()
    {
        var (_, table, _) = Specs.NewTable();
        Assert.That(() => table.Open(Specs.Udp() with { Protocol = 256 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => table.Open(Specs.Udp() with { SourcePort = -1 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => table.Open(Specs.Udp() with { DestinationPort = 65536 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => table.Open(Specs.Udp() with { TimeoutSeconds = 0 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => table.RecordTraffic(1, -1, 0, 0, 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(table.CreatedSinceBoot, Is.Zero);
    }

    [Test]
    public void SessionsDueAtTheSameMomentEndInIdOrder()
    {
        var (clock, table, ended) = Specs.NewTable();
        table.Open(Specs.Udp() with { Id = 30 });
        table.Open(Specs.Udp() with { Id = 10 });
        table.Open(Specs.Udp() with { Id = 20 });
        var early = table.Open(Specs.Icmp() with { Id = 40 });

        clock.Tick(table, 31);

        Assert.That(ended.Select(e => e.Session.Id), Is.EqualTo(new uint[] { 40, 10, 20, 30 }));
        Assert.That(early.EndTime, Is.EqualTo(Specs.Epoch.AddSeconds(6)));
    }

    [Test]
    public void AClockSetBackStillAgesSessionsFromTheirLastActivity()
    {
        var (clock, table, _) = Specs.NewTable();
        var session = table.Open(Specs.Udp());
        clock.SetUtcNow(Specs.Epoch.AddSeconds(-100));
        table.RecordTraffic(session.Id, 1, 1, 1, 1);
        Assert.That(table.ExpiresAt(session.Id), Is.EqualTo(Specs.Epoch.AddSeconds(-70)));
        clock.Tick(table, 30);
        Assert.That(table.IsLive(session.Id), Is.False);
        table.CheckConsistency();
    }
}
