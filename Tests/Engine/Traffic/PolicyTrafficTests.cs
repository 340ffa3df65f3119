using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Cli;
using VirtualFirewall.Engine.Policy;
using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Engine.Traffic;
using VirtualFirewall.Grammar;

namespace VirtualFirewall.Tests.Engine.Traffic;

/// <summary>The traffic generator follows the running security policy and session timeouts.</summary>
[TestFixture]
public sealed class PolicyTrafficTests
{
    /// <summary>
    /// Every flow of the default profile, at every address it draws from the edges of its pools, is
    /// matched by the rule it names, except two places where DefaultConfiguration's rulebase does not
    /// say what the profile's flows were written for; there the generator keeps the flow's rule.
    /// </summary>
    [Test]
    public void The_default_rulebase_matches_the_rules_the_default_flows_name()
    {
        var (device, _) = TrafficDevices.New();
        var policy = SecurityPolicy.Of(device.Configuration.Running);
        var mismatches = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var flow in TrafficProfile.Default.Flows)
        {
            foreach (var application in flow.Applications)
            {
                var named = application.Rule ?? flow.Rule;
                foreach (var source in flow.Sources.Ranges.SelectMany(r => new[] { r.First, r.Last }))
                {
                    foreach (var destination in (application.Destinations ?? flow.Destinations).Ranges.SelectMany(r => new[] { r.First, r.Last }))
                    {
                        var port = application.Protocol == SessionTimeouts.IcmpProtocol ? (int?)null : application.Port;
                        var match = policy.Match(new PolicyQuery(flow.FromZone, flow.ToZone, source, destination, application.Protocol, port) { Application = application.Name })!;
                        if (match.Name != named || match.Verdict != flow.Action)
                        {
                            mismatches.Add($"{flow.FromZone}>{flow.ToZone} {application.Name}: {named} but {match.Name}");
                        }
                    }
                }
            }
        }

        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void A_deny_rule_committed_at_the_top_denies_the_new_sessions_it_matches()
    {
        var (device, clock) = Seeded();
        var (session, _) = device.Login("admin", "192.0.2.1", "CLI");
        var committedAt = clock.GetUtcNow();
        Configure(
            device,
            session,
            "set rulebase security rules block-ssl-out from trust to untrust source any destination any application ssl service application-default action deny log-end yes",
            "move rulebase security rules block-ssl-out top",
            "commit");

        device.Run(clock, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(20));

        var after = device.TrafficLog.OldestFirst().Where(e => e.StartTime >= committedAt).ToList();
        var ssl = after.Where(e => e.Application == "ssl" && e.FromZone == "trust" && e.ToZone == "untrust").ToList();
        var live = device.Sessions.Scan().Where(s => s.StartTime >= committedAt && s.Application == "ssl" && s.ClientToServer.SourceZone == "trust" && s.ServerToClient.SourceZone == "untrust").ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ssl, Has.Count.GreaterThan(20));
            Assert.That(ssl.Select(e => (e.Rule, e.Action, e.TrackerStage)).Distinct(), Is.EqualTo(new[] { ("block-ssl-out", RuleAction.Deny, TrackerStage.AppidPolicyLookupDeny) }));
            Assert.That(live.Select(s => (s.Rule, s.State)).Distinct(), Is.EqualTo(new[] { ("block-ssl-out", SessionState.Discard) }));
            Assert.That(after.Where(e => e.Application != "ssl").Select(e => e.Rule), Does.Not.Contain("block-ssl-out"));
            Assert.That(after.Where(e => e.Application == "web-browsing" && e.FromZone == "trust" && e.ToZone == "untrust").Select(e => e.Rule).Distinct(), Is.EqualTo(new[] { "allow-trust-to-untrust" }));
        }
    }

    [Test]
    public void Without_its_rule_a_flow_meets_the_next_rule_or_the_interzone_default()
    {
        var (device, clock) = Seeded();
        var (session, _) = device.Login("admin", "192.0.2.1", "CLI");
        var committedAt = clock.GetUtcNow();
        Configure(device, session, "delete rulebase security rules deny-p2p", "delete rulebase security rules allow-trust-to-vpn", "commit");

        device.Run(clock, TimeSpan.FromHours(2), TimeSpan.FromSeconds(30));

        var after = device.TrafficLog.OldestFirst().Where(e => e.StartTime >= committedAt).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after.Where(e => e.Application == "bittorrent").Select(e => (e.Rule, e.Action)).Distinct(), Is.EqualTo(new[] { ("allow-trust-to-untrust", RuleAction.Allow) }));
            Assert.That(after.Where(e => e.ToZone == "VPN").Select(e => (e.Rule, e.Action, e.TrackerStage)).Distinct(), Is.EqualTo(new[] { ("interzone-default", RuleAction.Deny, TrackerStage.AppidPolicyLookupDeny) }));
            Assert.That(after.Where(e => e.Application == "bittorrent").Select(e => e.TrackerStage), Does.Not.Contain(TrackerStage.AppidPolicyLookupDeny));
        }
    }

    [Test]
    public void Committed_session_timeouts_apply_to_new_sessions()
    {
        var (device, clock) = Seeded();
        var (session, _) = device.Login("admin", "192.0.2.1", "CLI");
        Assert.That(device.Sessions.Timeouts, Is.EqualTo(SessionTimeouts.PanosDefaults));
        var committedAt = clock.GetUtcNow();
        Configure(device, session, "set deviceconfig setting session timeout-udp 45 timeout-tcp 1200 timeout-icmp 9 timeout-default 40", "commit");

        device.Run(clock, TimeSpan.FromMinutes(20), TimeSpan.FromSeconds(3));

        var fresh = device.Sessions.Scan().Where(s => s.StartTime >= committedAt && s.State == SessionState.Active).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(device.Sessions.Timeouts, Is.EqualTo(SessionTimeouts.PanosDefaults with { Udp = 45, Tcp = 1200, Icmp = 9, Default = 40 }));
            Assert.That(fresh.Where(s => s.Application == "web-browsing").Select(s => s.TimeoutSeconds).Distinct(), Is.EqualTo(new[] { 1200 }));
            Assert.That(fresh.Where(s => s.Application == "ssl").Select(s => s.TimeoutSeconds).Distinct(), Is.EqualTo(new[] { 1800 }), "the application's own timeout still wins");
        }

        Configure(device, session, "delete deviceconfig setting session timeout-udp", "commit");
        device.CatchUp();

        Assert.That(device.Sessions.Timeouts, Is.EqualTo(SessionTimeouts.PanosDefaults with { Tcp = 1200, Icmp = 9, Default = 40 }));
    }

    private static (Device Device, ManualTimeProvider Clock) Seeded()
    {
        var clock = new ManualTimeProvider(TrafficDevices.Boot);
        return (DefaultDevice.Create(clock), clock);
    }

    private static void Configure(Device device, CliSession session, params string[] lines)
    {
        device.Execute(new VirtualFirewall.Engine.Commands.ConfigureCommand(), session);
        foreach (var line in lines)
        {
            var parsed = CommandLine.Parse(line, CliMode.Configuration);
            Assert.That(parsed, Is.TypeOf<ParsedCommand>(), line);
            var result = device.Execute(((ParsedCommand)parsed).Command, session);
            Assert.That(result.IsError, Is.False, line + ": " + result.Output);
        }

        device.Execute(((ParsedCommand)CommandLine.Parse("exit", CliMode.Configuration)).Command, session);
    }
}
