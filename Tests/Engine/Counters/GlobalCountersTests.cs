using System.Text.Json;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Engine.Counters;
using VirtualFirewall.Engine.Handlers;
using VirtualFirewall.Engine.Rendering;
using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Tests.Engine.Sessions;
using VirtualFirewall.Tests.Interop;

namespace VirtualFirewall.Tests.Engine.Counters;

[TestFixture]
public sealed class GlobalCountersTests
{
    private const string ParseScript = """
        import json, sys, textfsm
        with open(sys.argv[1]) as template, open(sys.argv[2]) as data:
            fsm = textfsm.TextFSM(template)
            rows = fsm.ParseText(data.read())
        print(json.dumps([dict(zip(fsm.header, row)) for row in rows]))
        """;

    private static readonly DateTimeOffset Boot = Specs.Epoch;

    /// <summary>The counters of the ntc-templates sample (reference §4).</summary>
    private static GlobalCounters SampleCounters()
    {
        var counters = new GlobalCounters(Boot);
        counters.Set("pkt_recv", 29);
        counters.Set("pkt_sent", 21);
        counters.Set("pkt_sock_recv", 1);
        counters.Set("pkt_lldp_sent", 1);
        counters.Set("flow_rcv_dot1q_tag_err", 1);
        counters.Set("flow_no_interface", 1);
        counters.Set("ssl_hsm_up_down_event_rcv", 1);
        return counters;
    }

    private static DateTimeOffset SampleTime => Boot + TimeSpan.FromMilliseconds(349_576);

    [Test]
    public void RendererReproducesTheNtcSampleByteForByte()
    {
        var expected = File.ReadAllText(RepositoryPaths.Reference("ntc-templates/paloalto_panos_show_counter_global.raw"));

        var output = GlobalCountersRenderer.Render(SampleCounters().Sample(SampleTime, delta: false));

        Assert.That(output, Is.EqualTo(expected));
    }

    [Test]
    public void EmptySampleStillPrintsTheFraming()
    {
        var output = GlobalCountersRenderer.Render(new GlobalCounters(Boot).Sample(Boot + TimeSpan.FromSeconds(2), delta: true));

        Assert.That(output, Does.StartWith("Global counters:\nElapsed time since last sampling: 2.000 seconds\n\nname "));
        Assert.That(output, Does.EndWith("Total counters shown: 0\n" + new string('-', 80) + "\n\n"));
    }

    [Test]
    public void OpensAreAllocatedAndInstalledAndFreesFollowTheTable()
    {
        var (clock, table, _) = Specs.NewTable();
        var counters = new GlobalCounters(Boot);
        counters.Attach(table);

        var tcp = table.Open(Specs.Tcp());
        table.Open(Specs.Udp());

        Assert.That(counters[GlobalCounters.Names.SessionAllocated], Is.EqualTo(2));
        Assert.That(counters[GlobalCounters.Names.SessionInstalled], Is.EqualTo(2));
        Assert.That(counters[GlobalCounters.Names.SessionFreed], Is.Zero);

        table.End(tcp.Id, TrackerStage.TcpRstClient);
        Assert.That(counters[GlobalCounters.Names.SessionFreed], Is.EqualTo(1));

        clock.Tick(table, 3600);
        Assert.That(counters[GlobalCounters.Names.SessionFreed], Is.EqualTo(2));
        Assert.That(counters[GlobalCounters.Names.SessionAgedOut], Is.EqualTo(1));
    }

    [Test]
    public void ADeniedOpenCountsAPolicyDeny()
    {
        var (_, table, _) = Specs.NewTable();
        var counters = new GlobalCounters(Boot);
        counters.Attach(table);

        table.Open(Specs.Udp() with { Action = RuleAction.Drop });

        Assert.That(counters[GlobalCounters.Names.FlowPolicyDeny], Is.EqualTo(1));
        Assert.That(counters[GlobalCounters.Names.SessionAllocated], Is.EqualTo(1));
        Assert.That(counters[GlobalCounters.Names.SessionFreed], Is.Zero);
    }

    [TestCase(TrackerStage.AgedOut, GlobalCounters.Names.SessionAgedOut, true)]
    [TestCase(TrackerStage.TcpFin, null, false)]
    [TestCase(TrackerStage.TcpRstClient, null, true)]
    [TestCase(TrackerStage.TcpRstServer, null, true)]
    [TestCase(TrackerStage.AppidPolicyLookupDeny, GlobalCounters.Names.FlowPolicyDeny, false)]
    [TestCase(TrackerStage.MitigationTdb, GlobalCounters.Names.ThreatSessionClose, false)]
    [TestCase(TrackerStage.ResourceLimit, GlobalCounters.Names.SessionResourceLimit, false)]
    [TestCase(TrackerStage.HostService, GlobalCounters.Names.FlowHostServiceDeny, false)]
    public void EachEndStageMovesItsCounter(TrackerStage stage, string? counter, bool freedAtOnce)
    {
        var (clock, table, _) = Specs.NewTable();
        var counters = new GlobalCounters(Boot);
        counters.Attach(table);
        var session = table.Open(Specs.Tcp());

        table.End(session.Id, stage);

        var engineCounters = new[]
        {
            GlobalCounters.Names.SessionAgedOut, GlobalCounters.Names.FlowPolicyDeny, GlobalCounters.Names.ThreatSessionClose,
            GlobalCounters.Names.SessionResourceLimit, GlobalCounters.Names.FlowHostServiceDeny,
        };
        foreach (var name in engineCounters)
        {
            Assert.That(counters[name], Is.EqualTo(name == counter ? 1 : 0), name);
        }

        Assert.That(counters[GlobalCounters.Names.SessionFreed], Is.EqualTo(freedAtOnce ? 1 : 0));
        clock.Tick(table, 91);
        Assert.That(counters[GlobalCounters.Names.SessionFreed], Is.EqualTo(1), "freed once the hold is over");
        Assert.That(counters[GlobalCounters.Names.SessionAgedOut], Is.EqualTo(stage == TrackerStage.AgedOut ? 1 : 0), "a held session is not aged out");
    }

    [Test]
    public void ClearFreesWithoutAnEndCounter()
    {
        var (_, table, _) = Specs.NewTable();
        var counters = new GlobalCounters(Boot);
        counters.Attach(table);
        var session = table.Open(Specs.Tcp());

        table.Clear(session.Id);

        Assert.That(counters[GlobalCounters.Names.SessionFreed], Is.EqualTo(1));
        Assert.That(counters.Sample(Boot, delta: false).Rows.Select(r => r.Counter.Name), Is.EquivalentTo(new[] { "session_allocated", "session_freed", "session_installed" }));
    }

    [Test]
    public void DeltaShowsTheChangeSinceTheLastDeltaQueryAndResets()
    {
        var counters = SampleCounters();

        var first = counters.Sample(SampleTime, delta: true);
        Assert.That(first.Rows, Has.Count.EqualTo(7));
        Assert.That(first.Elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(349_576)));

        var second = counters.Sample(SampleTime + TimeSpan.FromSeconds(5), delta: true);
        Assert.That(second.Rows, Is.Empty);
        Assert.That(second.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(5)));

        counters.Increment("pkt_recv", 40);
        var plain = counters.Sample(SampleTime + TimeSpan.FromSeconds(15), delta: false);
        Assert.That(plain.Rows, Has.Count.EqualTo(7), "a plain query shows every non-zero counter");
        Assert.That(plain.Rows[0].Value, Is.EqualTo(69));
        Assert.That(plain.Rows[0].Rate, Is.EqualTo(4), "40 in the 10 s since the last delta query");
        Assert.That(plain.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(10)), "a plain query does not move the baseline");

        var third = counters.Sample(SampleTime + TimeSpan.FromSeconds(25), delta: true);
        Assert.That(third.Rows, Has.Count.EqualTo(1));
        Assert.That(third.Rows[0].Counter.Name, Is.EqualTo("pkt_recv"));
        Assert.That(third.Rows[0].Value, Is.EqualTo(40));
        Assert.That(third.Rows[0].Rate, Is.EqualTo(2));
        Assert.That(third.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(20)));
        Assert.That(
            GlobalCountersRenderer.Render(third),
            Does.StartWith("Global counters:\nElapsed time since last sampling: 20.000 seconds\n"));
    }

    [Test]
    public void SeverityFilterShowsOnlyThatSeverity()
    {
        var counters = SampleCounters();
        counters.Increment("tcp_drop_packet", 3);

        var drops = counters.Sample(SampleTime, delta: false, CounterSeverity.Drop);
        var warns = counters.Sample(SampleTime, delta: false, CounterSeverity.Warn);

        Assert.That(drops.Rows.Select(r => r.Counter.Name), Is.EqualTo(new[] { "flow_rcv_dot1q_tag_err", "flow_no_interface" }));
        Assert.That(warns.Rows.Select(r => r.Counter.Name), Is.EqualTo(new[] { "tcp_drop_packet" }));
        Assert.That(GlobalCountersRenderer.Render(drops), Does.Contain("\nTotal counters shown: 2\n"));
        Assert.That(counters.Sample(SampleTime, delta: false, CounterSeverity.Error).Rows, Is.Empty);
    }

    [Test]
    public void CatalogueNamesAreUniqueAndFitTheProvenColumns()
    {
        var names = GlobalCounters.Definitions.Select(d => d.Name).ToList();

        Assert.That(names, Is.Unique);
        Assert.That(names, Has.All.Length.LessThanOrEqualTo(30));
        Assert.That(GlobalCounters.Definitions.Select(d => d.Category).Concat(GlobalCounters.Definitions.Select(d => d.Aspect)), Has.All.Length.LessThanOrEqualTo(9));
    }

    [Test]
    public void HandlerRendersTheDeviceSessionsWithFilters()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
        var device = DefaultDevice.Create(clock);
        var counters = new GlobalCounters(device.BootTime);
        counters.Attach(device.Sessions);
        device.Sessions.Open(Specs.Udp() with { Action = RuleAction.Deny });
        clock.Advance(TimeSpan.FromSeconds(30));

        var all = CounterHandler.ShowGlobal(device, counters, new ShowCounterGlobalCommand()).Output;
        var drops = CounterHandler.ShowGlobal(device, counters, new ShowCounterGlobalCommand(Delta: true, Severity: "drop")).Output;
        var again = CounterHandler.ShowGlobal(device, counters, new ShowCounterGlobalCommand(Delta: true)).Output;

        Assert.That(all, Does.Contain("\nsession_allocated                          1        0 info      session   resource  Sessions allocated\n"));
        Assert.That(all, Does.Contain("\nTotal counters shown: 3\n"));
        Assert.That(drops, Does.Contain("Elapsed time since last sampling: 30.000 seconds\n"));
        Assert.That(drops, Does.Contain("\nflow_policy_deny                           1        0 drop      flow      session   Session setup: denied by policy\n"));
        Assert.That(drops, Does.Contain("\nTotal counters shown: 1\n"));
        Assert.That(again, Does.Contain("Elapsed time since last sampling: 0.000 seconds\n"));
        Assert.That(again, Does.Contain("\nTotal counters shown: 0\n"));
    }

    [Test]
    public void OutputParsesWithTheNtcTemplate()
    {
        DebianPython.Require("textfsm");
        var (_, table, _) = Specs.NewTable();
        var counters = SampleCounters();
        counters.Attach(table);
        table.Open(Specs.Tcp() with { Action = RuleAction.Deny });
        counters.Increment("tcp_drop_packet", 12);
        var sample = counters.Sample(SampleTime, delta: false);
        var data = Path.GetTempFileName();
        try
        {
            File.WriteAllText(data, GlobalCountersRenderer.Render(sample));
            var template = RepositoryPaths.Reference("ntc-templates/paloalto_panos_show_counter_global.textfsm");

            var (exit, stdout, stderr) = DebianPython.Run(ParseScript, [template, data], TimeSpan.FromSeconds(60));

            Assert.That(exit, Is.EqualTo(0), stderr);
            var rows = JsonSerializer.Deserialize<List<Dictionary<string, string>>>(stdout)!;
            Assert.That(rows.Select(r => r["NAME"]), Is.EqualTo(sample.Rows.Select(r => r.Counter.Name)));
            var policy = rows.Single(r => r["NAME"] == "flow_policy_deny");
            Assert.That(policy["VALUE"], Is.EqualTo("1"));
            Assert.That(policy["RATE"], Is.EqualTo("0"));
            Assert.That(policy["SEVERITY"], Is.EqualTo("drop"));
            Assert.That(policy["CATEGORY"], Is.EqualTo("flow"));
            Assert.That(policy["ASPECT"], Is.EqualTo("session"));
            Assert.That(policy["DESCRIPTION"], Is.EqualTo("Session setup: denied by policy"));
            Assert.That(rows.Single(r => r["NAME"] == "tcp_drop_packet")["SEVERITY"], Is.EqualTo("warn"));
        }
        finally
        {
            File.Delete(data);
        }
    }
}
