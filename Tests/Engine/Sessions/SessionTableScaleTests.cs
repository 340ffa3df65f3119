using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Tests.Engine.Sessions;

/// <summary>A sanity run at scale; the figures come from the benchmarks, not from here.</summary>
[TestFixture]
public sealed class SessionTableScaleTests
{
    [Test]
    public void TwoHundredThousandSessionsOpenCountAndAgeOut()
    {
        var (clock, table, _) = Specs.NewTable();
        var endings = 0;
        table.SessionEnded += (_, _) => endings++;
        var random = new Random(42);
        var specs = new[] { Specs.Tcp(), Specs.Udp(), Specs.Icmp(), Specs.Of(47) };
        var https = 0;
        var lastTcp = 0u;
        uint? firstIcmp = null;
        for (var i = 0; i < 200_000; i++)
        {
            var spec = specs[random.Next(specs.Length)];
            var port = random.Next(2) == 0 ? 443 : 80;
            if (spec.Protocol == 6 && port == 443)
            {
                https++;
            }

            var session = table.Open(spec with { SourcePort = random.Next(1024, 65536), DestinationPort = port, Established = true });
            lastTcp = spec.Protocol == 6 ? session.Id : lastTcp;
            firstIcmp ??= spec.Protocol == 1 ? session.Id : null;
        }

        Assert.That(table.Count(new SessionFilter { Protocol = 6, DestinationPort = 443 }), Is.EqualTo(https));
        Assert.That(table.Scan(new SessionFilter { StartAt = 199_990 }).Count(), Is.EqualTo(11));

        clock.Tick(table, 3600);

        Assert.That(table.LiveCount, Is.Zero);
        Assert.That(endings, Is.EqualTo(200_000));
        Assert.That(table.RecentlyEndedCount, Is.EqualTo(100_000));
        Assert.That(table.Find(firstIcmp!.Value), Is.Null, "the first freed were dropped");
        Assert.That(table.Find(lastTcp)!.TrackerStage, Is.EqualTo(TrackerStage.AgedOut), "the last freed are readable");
        Assert.That(table.CreatedSinceBoot, Is.EqualTo(200_000));
    }
}
