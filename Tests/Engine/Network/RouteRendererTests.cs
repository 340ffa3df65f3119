using System.Globalization;
using VirtualFirewall.Engine.Network;
using VirtualFirewall.Engine.Rendering.Network;
using static VirtualFirewall.Tests.Engine.Network.NetworkSamples;

namespace VirtualFirewall.Tests.Engine.Network;

[TestFixture]
public sealed class RouteRendererTests
{
    private static readonly int[] Columns = [0, 44, 84, 91, 102, 108, 127];

    /// <summary>paloalto_panos_show_routing_route2.raw, every byte: two virtual routers, 116 routes and none.</summary>
    [Test]
    public void MatchesTheTwoRouterSample()
    {
        var lines = Lines("paloalto_panos_show_routing_route2.raw");
        var routes = lines[7..123].Select(line => Parse("default", line)).ToList();
        VirtualRouter[] routers = [new("default", 1), new("blackhole", 2)];

        var text = RouteRenderer.Render(routers, routes);

        Assert.That(text, Is.EqualTo(Read("paloalto_panos_show_routing_route2.raw")));
    }

    /// <summary>route3.raw (its contributor trimmed trailing spaces): a seven-digit age pushes the interface right.</summary>
    [Test]
    public void LongAgesOverflowIntoTheInterfaceColumn()
    {
        var route = new Route("default", "10.7.7.0/24", "10.6.255.25") { Metric = 10, Flags = "A O2", Age = 3_474_418, Interface = "ae1.255" };
        var bgp = new Route("default", "10.7.4.0/24", "172.20.17.118") { Flags = "A?B", Age = 3_509_239, NextAs = "65201" };
        var rows = RouteRenderer.Render([new("default", 1)], [bgp, route]).Split('\n')[7..9].Select(l => l.TrimEnd());
        var sample = Lines("paloalto_panos_show_routing_route3.raw")[6..8];

        Assert.That(rows, Is.EqualTo(sample));
    }

    private static Route Parse(string router, string line)
    {
        var f = Cut(line, Columns);
        return new Route(router, f[0], f[1])
        {
            Metric = f[2].Length == 0 ? null : int.Parse(f[2], CultureInfo.InvariantCulture),
            Flags = f[3],
            Age = f[4].Length == 0 ? null : long.Parse(f[4], CultureInfo.InvariantCulture),
            Interface = f[5],
            NextAs = f[6],
        };
    }
}
