using System.Globalization;
using System.Text;
using VirtualFirewall.Engine.Network;

namespace VirtualFirewall.Engine.Rendering.Network;

/// <summary>
/// `show arp all` (paloalto_panos_show_arp_all.raw) and `show mac all` (paloalto_panos_show_mac_all.raw):
/// a blank line, header figures with values at column 36 (`default timeout:` has no space before its
/// colon in the ARP table, one in the MAC table), the status legend, a blank line, column titles, an
/// 80-dash rule and the rows. The one-letter status sits two columns right of its title.
/// </summary>
public static class NeighborTableRenderer
{
    private const string Rule80 = "--------------------------------------------------------------------------------";

    public static string Arp(NeighborTableView<ArpEntry> view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var text = Head(view, "default timeout:", "ARP", "status: s - static, c - complete, e - expiring, i - incomplete");
        text.Append("interface         ip address      hw address        port              status   ttl\n").Append(Rule80).Append('\n');
        foreach (var entry in view.Shown)
        {
            text.Append(Field(entry.Interface, 17))
                .Append(Field(entry.IpAddress, 15))
                .Append(Field(entry.Mac ?? "(incomplete)", 17))
                .Append(Field(entry.Port, 19))
                .Append(Field(entry.Status, 6))
                .Append(entry.Ttl.ToString(CultureInfo.InvariantCulture))
                .Append('\n');
        }

        return text.ToString();
    }

    public static string Mac(NeighborTableView<MacEntry> view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var text = Head(view, "default timeout :", "MAC", "status: s - static, c - complete, i - incomplete");
        text.Append("vlan                hw address        interface         status   ttl\n").Append(Rule80).Append('\n');
        foreach (var entry in view.Shown)
        {
            text.Append(Field(entry.Vlan, 19))
                .Append(Field(entry.Mac, 17))
                .Append(Field(entry.Interface, 19))
                .Append(Field(entry.Status, 6))
                .Append(entry.Ttl.ToString(CultureInfo.InvariantCulture))
                .Append('\n');
        }

        return text.ToString();
    }

    private static StringBuilder Head<T>(NeighborTableView<T> view, string timeoutLabel, string kind, string legend)
    {
        var text = new StringBuilder("\n");
        Figure(text, "maximum of entries supported :", view.MaximumEntries.ToString(CultureInfo.InvariantCulture));
        Figure(text, timeoutLabel, view.TimeoutSeconds.ToString(CultureInfo.InvariantCulture) + " seconds");
        Figure(text, $"total {kind} entries in table :", view.InTable.ToString(CultureInfo.InvariantCulture));
        Figure(text, $"total {kind} entries shown :", view.ShownCount.ToString(CultureInfo.InvariantCulture));
        text.Append(legend).Append("\n\n");
        return text;
    }

    private static void Figure(StringBuilder text, string label, string value) =>
        text.Append(label.PadRight(36)).Append(value).Append('\n');

    private static string Field(string value, int width) => value.PadRight(width) + " ";
}
