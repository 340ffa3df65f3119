using System.Globalization;
using System.Text;
using VirtualFirewall.Engine.Network;

namespace VirtualFirewall.Engine.Rendering.Network;

/// <summary>
/// `show lldp neighbors all`, as the four ntc-templates samples print it: per local port the
/// `Local information:` block, then the neighbour's fields (labels alone when empty, a multi-line
/// system description as sent), then a blank line. A neighbour that advertised a management
/// address ends its block with a second blank line unless it is the last one
/// (paloalto_panos_show_lldp_neighbors_all.raw, all2.raw, all3.raw); a port that heard nobody ends
/// at `Neighbor information:` (all4.raw).
/// </summary>
public static class LldpRenderer
{
    public static string Render(IReadOnlyList<LldpNeighbor> neighbors)
    {
        ArgumentNullException.ThrowIfNull(neighbors);
        var text = new StringBuilder();
        void Line(string label, string value) => text.Append(label).Append(value.Length == 0 ? ":" : ": " + value).Append('\n');

        for (var i = 0; i < neighbors.Count; i++)
        {
            var neighbor = neighbors[i];
            text.Append("Local information:\n");
            text.Append("Index ").Append(neighbor.Index.ToString(CultureInfo.InvariantCulture)).Append('\n');
            Line("Local interface", neighbor.LocalInterface);
            Line("Local Port ID", neighbor.LocalPortId);
            text.Append("Neighbor information:\n");
            if (neighbor.Remote is { } remote)
            {
                text.Append('\n');
                Line("Chassis type", remote.ChassisType);
                Line("Chassis ID", remote.ChassisId);
                Line("Port type", remote.PortType);
                Line("Port ID", remote.PortId);
                Line("Port description", remote.PortDescription);
                Line("TTL", remote.Ttl.ToString(CultureInfo.InvariantCulture));
                Line("System name", remote.SystemName);
                Line("System description", remote.SystemDescription);
                text.Append("System capabilities:\n");
                Line("Supported", remote.SupportedCapabilities);
                Line("Enabled", remote.EnabledCapabilities);
                if (remote.Management is { } management)
                {
                    Line("Management address type", management.AddressType);
                    Line("Management address", management.Address);
                    Line("Interface number", management.InterfaceNumber.ToString(CultureInfo.InvariantCulture));
                    Line("Interface type", management.InterfaceType);
                    Line("oid", management.Oid);
                    if (i < neighbors.Count - 1)
                    {
                        text.Append('\n');
                    }
                }
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
