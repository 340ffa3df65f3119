using System.Globalization;
using System.Text;
using VirtualFirewall.Engine.Network;

namespace VirtualFirewall.Engine.Rendering.Network;

/// <summary>
/// `show interface hardware | logical | all`. Two layouts, chosen by release:
/// PAN-OS 10.2 and later follow paloalto_panos_show_interface_all.raw (a PA-3400: `/fec` column,
/// no blank line under the hardware total, logical names 26 wide with a blank line on each side of
/// the header); earlier releases follow paloalto_panos_show_interface_hardware2.raw and
/// paloalto_panos_show_interface_logical.raw (names 20 wide, header padded to 128 columns and
/// addresses to 18, as the sample's untouched rows are). Both print the same dashed rule under the
/// logical header, and a second address continues at column 80.
/// </summary>
public static class InterfaceRenderer
{
    private const string Rule80 = "--------------------------------------------------------------------------------";
    private const string LogicalRule = "------------------- ----- ---- ---------------- ------------------------ ------ ------------------";

    public static string Hardware(IReadOnlyList<HardwareInterface> ports, IReadOnlyList<AggregateGroup> groups, bool fecLayout)
    {
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(groups);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"total configured hardware interfaces: {ports.Count}\n");
        if (!fecLayout)
        {
            text.Append('\n');
        }

        var linkWidth = fecLayout ? 30 : 26;
        var linkTitle = fecLayout ? "speed/duplex/state/fec" : "speed/duplex/state";
        text.Append("name".PadRight(24)).Append("id".PadRight(6)).Append(linkTitle.PadRight(linkWidth)).Append("mac address\n");
        text.Append(Rule80).Append('\n');
        foreach (var port in ports)
        {
            text.Append((port.Name + " ").PadRight(24))
                .Append((port.Id.ToString(CultureInfo.InvariantCulture) + " ").PadRight(6))
                .Append((Link(port, fecLayout) + " ").PadRight(linkWidth))
                .Append(port.Mac)
                .Append('\n');
        }

        text.Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"aggregation groups: {groups.Count}\n");
        foreach (var group in groups)
        {
            text.Append(group.Name).Append(" members:\n  ").Append(string.Join(' ', group.Members)).Append('\n');
        }

        return text.ToString();
    }

    public static string Logical(IReadOnlyList<LogicalInterface> interfaces, bool wideLayout)
    {
        ArgumentNullException.ThrowIfNull(interfaces);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"total configured logical interfaces: {interfaces.Count}\n\n");
        var nameWidth = wideLayout ? 26 : 20;
        var header = "name".PadRight(nameWidth) + "id".PadRight(6) + "vsys".PadRight(5) + "zone".PadRight(17)
            + "forwarding".PadRight(25) + "tag".PadRight(7) + (wideLayout ? "address" : "address".PadRight(48));
        text.Append(header).Append('\n');
        if (wideLayout)
        {
            text.Append('\n');
        }

        text.Append(LogicalRule).Append('\n');
        foreach (var item in interfaces)
        {
            var addresses = item.Addresses.Count == 0 ? ["N/A"] : item.Addresses;
            text.Append((item.Name + " ").PadRight(nameWidth))
                .Append((item.Id.ToString(CultureInfo.InvariantCulture) + " ").PadRight(6))
                .Append((item.Vsys.ToString(CultureInfo.InvariantCulture) + " ").PadRight(5))
                .Append((item.Zone + " ").PadRight(17))
                .Append((item.Forwarding + " ").PadRight(25))
                .Append((item.Tag.ToString(CultureInfo.InvariantCulture) + " ").PadRight(7))
                .Append(Address(addresses[0], wideLayout))
                .Append('\n');
            foreach (var more in addresses.Skip(1))
            {
                text.Append(' ', 80).Append(Address(more, wideLayout)).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>`show interface all`: the hardware part, two blank lines, the logical part (paloalto_panos_show_interface_all.raw).</summary>
    public static string All(IReadOnlyList<HardwareInterface> ports, IReadOnlyList<AggregateGroup> groups, IReadOnlyList<LogicalInterface> interfaces, bool since102) =>
        Hardware(ports, groups, since102) + "\n\n" + Logical(interfaces, since102);

    private static string Address(string address, bool wideLayout) => wideLayout ? address : address.PadRight(18);

    /// <summary>`1000/full/up`, `ukn/ukn/down(autoneg)`; the 10.2 layout doubles the parentheses (`down((autoneg))`, ha1-b of the sample).</summary>
    private static string Link(HardwareInterface port, bool fecLayout)
    {
        var state = port.IsUp ? "up" : fecLayout ? "down((" + port.DownReason + "))" : "down(" + port.DownReason + ")";
        var link = port.Speed + "/" + port.Duplex + "/" + state;
        return fecLayout ? link + "/" + port.Fec : link;
    }
}
