using System.Globalization;
using System.Text;
using VirtualFirewall.Engine.Network;

namespace VirtualFirewall.Engine.Rendering.Network;

/// <summary>
/// `show routing route`, laid out as paloalto_panos_show_routing_route2.raw: the flags legend (its
/// first line ends in a space), a blank line and a line of two spaces, then per virtual router a
/// title, `==========`, the header and rows padded to 138 columns. Each field is left-justified and
/// followed by one space, so an age over five digits pushes the interface right (route3.raw).
/// Virtual routers are separated by one blank line.
/// </summary>
public static class RouteRenderer
{
    private const string Legend =
        "flags: A:active, ?:loose, C:connect, H:host, S:static, ~:internal, R:rip, O:ospf, B:bgp, \n" +
        "       Oi:ospf intra-area, Oo:ospf inter-area, O1:ospf ext-type-1, O2:ospf ext-type-2, E:ecmp, M:multicast\n";

    public static string Render(IReadOnlyList<VirtualRouter> routers, IReadOnlyList<Route> routes)
    {
        ArgumentNullException.ThrowIfNull(routers);
        ArgumentNullException.ThrowIfNull(routes);
        var text = new StringBuilder(Legend).Append("\n  \n");
        for (var i = 0; i < routers.Count; i++)
        {
            var router = routers[i];
            if (i > 0)
            {
                text.Append('\n');
            }

            text.Append(CultureInfo.InvariantCulture, $"VIRTUAL ROUTER: {router.Name} (id {router.Id})\n");
            text.Append("  ==========\n");
            Row(text, "destination", "nexthop", "metric", "flags", "age", "interface", "next-AS");
            var shown = 0;
            foreach (var route in routes.Where(r => string.Equals(r.VirtualRouter, router.Name, StringComparison.Ordinal)))
            {
                Row(
                    text,
                    route.Destination,
                    route.Nexthop,
                    route.Metric?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                    route.Flags,
                    route.Age?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                    route.Interface,
                    route.NextAs);
                shown++;
            }

            text.Append(CultureInfo.InvariantCulture, $"total routes shown: {shown}\n");
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, string destination, string nexthop, string metric, string flags, string age, string via, string nextAs) =>
        text.Append(destination.PadRight(43)).Append(' ')
            .Append(nexthop.PadRight(39)).Append(' ')
            .Append(metric.PadRight(6)).Append(' ')
            .Append(flags.PadRight(10)).Append(' ')
            .Append(age.PadRight(5)).Append(' ')
            .Append(via.PadRight(18)).Append(' ')
            .Append(nextAs.PadRight(10)).Append(' ')
            .Append('\n');
}
