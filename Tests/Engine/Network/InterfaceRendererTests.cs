using System.Globalization;
using System.Text.RegularExpressions;
using VirtualFirewall.Engine.Network;
using VirtualFirewall.Engine.Rendering.Network;
using static VirtualFirewall.Tests.Engine.Network.NetworkSamples;

namespace VirtualFirewall.Tests.Engine.Network;

[TestFixture]
public sealed class InterfaceRendererTests
{
    /// <summary>paloalto_panos_show_interface_all.raw, every byte: the 10.2 layout.</summary>
    [Test]
    public void AllMatchesTheFecSample()
    {
        HardwareInterface[] ports =
        [
            Port("ethernet1/8", 23, "1000", "full", true, "auto", "00:1b:17:aa:bb:01"),
            Port("ethernet1/13", 28, "1000", "full", true, "auto", "00:1b:17:aa:bb:02"),
            Port("ethernet1/14", 29, "1000", "full", true, "auto", "00:1b:17:aa:bb:03"),
            Port("ethernet1/19", 34, "10000", "full", true, "auto", "00:1b:17:aa:bb:04"),
            new HardwareInterface("ae1", 64, "00:1b:17:aa:bb:40"),
            new HardwareInterface("ae2", 65, "00:1b:17:aa:bb:41"),
            Port("ha1-a", 5, "1000", "full", true, "ukn", "8c:36:7a:aa:bb:b5"),
            Port("ha1-b", 7, "ukn", "ukn", false, "ukn", "8c:36:7a:aa:bb:b4"),
            new HardwareInterface("vlan", 1, "00:1b:17:aa:bb:01"),
            new HardwareInterface("loopback", 3, "00:1b:17:aa:bb:03"),
            new HardwareInterface("tunnel", 4, "00:1b:17:aa:bb:04"),
            Port("hsci", 8, "10000", "full", true, "ukn", "64:7c:e8:aa:bb:08"),
        ];
        AggregateGroup[] groups = [new("ae1", ["ethernet1/19", "ethernet1/20"]), new("ae2", ["ethernet1/11"])];
        LogicalInterface[] logical =
        [
            L3("ethernet1/8", 23, 3, "ZONE_TECH", "vr:vrf01", 0, "192.0.2.1/28"),
            L3("ethernet1/8.81", 300, 3, "ZONE_TECH", "vr:vrf01", 81, "192.0.2.17/27"),
            L3("ethernet1/13", 28, 5, "ZONE_INET", "vr:vrf02", 0, "192.0.2.33/29", "10.10.10.1/29"),
            L3("ethernet1/13.388", 298, 2, "ZONE_SDWAN", "vr:vrf03", 388, "192.0.2.65/27"),
            L3("ethernet1/14", 29, 5, "ZONE_INET", "vr:vrf02", 0, "192.0.2.97/28"),
            L3("ae1", 64, 2, string.Empty, "N/A", 0),
            L3("ae1.99", 267, 2, "ZONE_OTSC", "vr:vrf03", 99, "192.0.2.113/28"),
            L3("ae5", 68, 5, string.Empty, "vr:vrf02", 0),
            L3("ha1-a", 5, 0, string.Empty, "ha", 0, "198.51.100.1/30"),
            L3("vlan", 1, 1, string.Empty, "N/A", 0),
            L3("loopback", 3, 1, string.Empty, "N/A", 0),
            L3("loopback.99", 297, 2, "ZONE_CORP", "vr:vrf03", 0, "192.0.2.129/32"),
            L3("tunnel", 4, 1, string.Empty, "N/A", 0),
            L3("hsci", 8, 0, string.Empty, "N/A", 0, "198.51.100.5/30"),
        ];

        var text = InterfaceRenderer.All(ports, groups, logical, since102: true);

        Assert.That(text, Is.EqualTo(Read("paloalto_panos_show_interface_all.raw")));
    }

    /// <summary>paloalto_panos_show_interface_hardware2.raw, every byte (the file lacks the final line end).</summary>
    [Test]
    public void HardwareMatchesTheLayoutBefore102()
    {
        var lines = Lines("paloalto_panos_show_interface_hardware2.raw");
        var ports = lines[4..30].Select(line =>
        {
            var f = Cut(line, 0, 24, 30, 56);
            var link = Regex.Match(f[2], @"^(\[n/a\]|[^/]+)/(\[n/a\]|[^/]+)/(.+)$").Groups;
            var up = string.Equals(link[3].Value, "up", StringComparison.Ordinal);
            return new HardwareInterface(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), f[3]) { Speed = link[1].Value, Duplex = link[2].Value, IsUp = up };
        }).ToList();

        var text = InterfaceRenderer.Hardware(ports, [], fecLayout: false);

        Assert.That(text, Is.EqualTo(Read("paloalto_panos_show_interface_hardware2.raw") + "\n"));
    }

    /// <summary>
    /// paloalto_panos_show_interface_logical.raw: header, rule and the 10 rows its contributor left
    /// untouched, byte for byte with their trailing spaces. The total (38) belongs to rows the sample
    /// does not show, and its second line holds a U+200B where the device prints a blank line.
    /// </summary>
    [Test]
    public void LogicalMatchesTheUntouchedRowsOfTheSampleBefore102()
    {
        var lines = Lines("paloalto_panos_show_interface_logical.raw");
        int[] untouched = [4, 5, 7, 9, 11, 13, 17, 18, 19, 20];
        var interfaces = untouched.Select(i =>
        {
            var f = Cut(lines[i], 0, 20, 26, 31, 48, 73, 80);
            return L3(f[0], Int(f[1]), Int(f[2]), f[3], f[4], Int(f[5]), f[6] == "N/A" ? [] : [f[6]]);
        }).ToList();
        var expected = $"total configured logical interfaces: {untouched.Length}\n\n{lines[2]}\n{lines[3]}\n"
            + string.Concat(untouched.Select(i => lines[i] + "\n"));

        Assert.That(InterfaceRenderer.Logical(interfaces, wideLayout: false), Is.EqualTo(expected));
    }

    [Test]
    public void LinkDownIsPrintedPerLayout()
    {
        HardwareInterface[] ports = [Port("ethernet1/4", 19, "ukn", "ukn", false, "ukn", "ba:db:ee:fb:ad:13")];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(InterfaceRenderer.Hardware(ports, [], fecLayout: true), Does.Contain("ethernet1/4             19    ukn/ukn/down((autoneg))/ukn   ba:db:ee:fb:ad:13\n"));
            Assert.That(InterfaceRenderer.Hardware(ports, [], fecLayout: false), Does.Contain("ethernet1/4             19    ukn/ukn/down(autoneg)     ba:db:ee:fb:ad:13\n"));
        }
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static HardwareInterface Port(string name, int id, string speed, string duplex, bool up, string fec, string mac) =>
        new(name, id, mac) { Speed = speed, Duplex = duplex, IsUp = up, Fec = fec };

    private static LogicalInterface L3(string name, int id, int vsys, string zone, string forwarding, int tag, params string[] addresses) =>
        new(name, id) { Vsys = vsys, Zone = zone, Forwarding = forwarding, Tag = tag, Addresses = addresses };
}
