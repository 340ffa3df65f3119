using System.Globalization;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Cli;
using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Engine.Network;
using VirtualFirewall.Engine.State;
using VirtualFirewall.Engine.Time;

namespace VirtualFirewall.Tests.Interop;

/// <summary>
/// The default device's network show commands parse with their ntc-templates TextFSM templates into
/// exactly the records its network state predicts.
/// </summary>
[TestFixture]
public sealed class NetworkTextFsmTests
{
    private static readonly DateTimeOffset Boot = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private ManualTimeProvider _clock = null!;
    private Device _device = null!;
    private CliSession _session = null!;

    [SetUp]
    public void SetUp()
    {
        DebianPython.Require("textfsm");
        Start(new DeviceIdentity());
    }

    [Test]
    public void InterfaceHardware()
    {
        // The template predates the 10.2 `/fec` column and its SPEED is `\[n/a\]|\S+`: a numeric
        // speed swallows the duplex, so the fields shift by one; an `[n/a]` speed leaves STATE with the FEC.
        var expected = _device.Network.Hardware.Select(h =>
        {
            var state = h.IsUp ? "up" : "down((autoneg))";
            var (speed, duplex, link) = h.Speed == "[n/a]" ? (h.Speed, h.Duplex, state + "/" + h.Fec) : (h.Speed + "/" + h.Duplex, state, h.Fec);
            return Row(("INTERFACE", h.Name), ("ID", Text(h.Id)), ("SPEED", speed), ("DUPLEX", duplex), ("STATE", link), ("MAC_ADDRESS", h.Mac));
        }).ToList();

        Assert.That(Parse("show_interface_hardware", new ShowInterfaceHardwareCommand()), Is.EqualTo(expected));
        Assert.That(_device.Network.Hardware, Has.Count.EqualTo(7));
    }

    [Test]
    public void InterfaceLogical()
    {
        var expected = _device.Network.Logical.Select(l => Row(
            ("INTERFACE", l.Name), ("ID", Text(l.Id)), ("VSYS", Text(l.Vsys)), ("ZONE", l.Zone), ("FORWARDING", l.Forwarding),
            ("VLAN_ID", Text(l.Tag)), ("IP_ADDRESS", l.Addresses.Count == 0 ? "N/A" : l.Addresses[0])));

        Assert.That(Parse("show_interface_logical", new ShowInterfaceLogicalCommand()), Is.EqualTo(expected));
    }

    [Test]
    public void InterfaceAll()
    {
        (string, string)[] empty = [("VSYS", string.Empty), ("ZONE", string.Empty), ("FORWARDING", string.Empty), ("VLAN_ID", string.Empty), ("IP_ADDRESS", string.Empty)];
        var hardware = _device.Network.Hardware.Select(h => Row(
            [("INTERFACE", h.Name), ("ID", Text(h.Id)), ("SPEED", h.Speed), ("DUPLEX", h.Duplex),
            ("STATE", h.IsUp ? "up" : "down((autoneg))"), ("FEC", h.Fec), ("MAC_ADDRESS", h.Mac), .. empty]));
        var logical = _device.Network.Logical.Select(l => Row(
            ("INTERFACE", l.Name), ("ID", Text(l.Id)), ("SPEED", string.Empty), ("DUPLEX", string.Empty), ("STATE", string.Empty),
            ("FEC", string.Empty), ("MAC_ADDRESS", string.Empty), ("VSYS", Text(l.Vsys)), ("ZONE", l.Zone), ("FORWARDING", l.Forwarding),
            ("VLAN_ID", Text(l.Tag)), ("IP_ADDRESS", l.Addresses.Count == 0 ? "N/A" : string.Join(',', l.Addresses))));

        Assert.That(Parse("show_interface_all", new ShowInterfaceAllCommand()), Is.EqualTo(hardware.Concat(logical)));
    }

    [Test]
    public void InterfaceManagement()
    {
        var id = _device.Identity;
        var expected = Row(
            ("NAME", "Management Interface"), ("MAC_ADDRESS", id.MacAddress), ("IPV4_ADDRESS", id.IpAddress), ("IPV4_NETMASK", id.Netmask),
            ("IPV4_GATEWAY", id.DefaultGateway), ("IPV6_ADDRESS", id.Ipv6Address), ("IPV6_LINKLOCAL", id.Ipv6LinkLocalAddress), ("IPV6_GATEWAY", string.Empty));

        Assert.That(Parse("show_interface_management", new ShowInterfaceManagementCommand()), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void RoutingRoute()
    {
        var expected = _device.Network.Routes
            .OrderBy(r => Version.Parse(r.Destination.Split('/')[0]))
            .ThenBy(r => int.Parse(r.Destination.Split('/')[1], CultureInfo.InvariantCulture))
            .Select(r => Row(
                ("NETWORK", r.Destination.Split('/')[0]), ("PREFIX_LENGTH", r.Destination.Split('/')[1]), ("NEXTHOP_IP", r.Nexthop),
                ("METRIC", r.Metric is { } m ? Text(m) : string.Empty), ("FLAGS", r.Flags), ("AGE", string.Empty),
                ("NEXTHOP_IF", r.Interface), ("NEXT_AS", string.Empty)));

        var rows = Parse("show_routing_route", new ShowRoutingRouteCommand());

        Assert.That(rows, Is.EqualTo(expected));
        Assert.That(rows[0]["NEXTHOP_IP"], Is.EqualTo(DefaultNetwork.UntrustGateway));
    }

    [Test]
    public void ArpAll()
    {
        var expected = _device.Network.Arp.Select(a => Row(
            ("INTERFACE", a.Interface), ("IP_ADDRESS", a.IpAddress), ("MAC_ADDRESS", a.Mac ?? "incomplete"), ("PORT", a.Port),
            ("STATUS", a.Status), ("TTL", Text(a.Ttl))));

        Assert.That(Parse("show_arp_all", new ShowArpAllCommand()), Is.EqualTo(expected));
        Assert.That(_device.Network.Arp, Is.Not.Empty);
    }

    /// <summary>A layer 3 firewall learns no MACs on VLANs; entries put into the state show up.</summary>
    [Test]
    public void MacAll()
    {
        Assert.That(Parse("show_mac_all", new ShowMacAllCommand()), Is.Empty);

        _device.Network.Mac = [new MacEntry("vlan.10", "52:54:00:0a:00:01", "ethernet1/5") { Ttl = 1790 }, new MacEntry("vlan.10", "52:54:00:0a:00:02", "ethernet1/6") { Ttl = 20 }];
        var expected = _device.Network.Mac.Select(m => Row(
            ("VLAN_ID", m.Vlan), ("MAC_ADDRESS", m.Mac), ("INTERFACE", m.Interface), ("STATUS", m.Status), ("TTL", Text(m.Ttl))));

        Assert.That(Parse("show_mac_all", new ShowMacAllCommand()), Is.EqualTo(expected));
    }

    [Test]
    public void JobsAllAndId()
    {
        _clock.Advance(TimeSpan.FromMinutes(90));
        _device.Jobs.Add("Commit");
        _device.Jobs.Add("EDLRefresh", TimeSpan.FromSeconds(20), []);
        _clock.Advance(TimeSpan.FromSeconds(11));

        var all = Parse("show_jobs_all", new ShowJobsAllCommand());
        var one = Parse("show_jobs_all", new ShowJobsIdCommand(2));

        Assert.That(all, Is.EqualTo(new[]
        {
            Job("2026/11/20 09:30:00", "09:30:00", "3", "EDLRefresh", "ACT", "PEND", "55%"),
            Job("2026/11/20 09:30:00", "09:30:00", "2", "Commit", "FIN", "OK", "09:30:00"),
            Job("2026/11/20 08:00:00", "08:00:00", "1", "AutoCom", "FIN", "OK", "08:00:52"),
        }));
        Assert.That(one, Is.EqualTo(new[] { all[1] }));
    }

    [Test]
    public void HighAvailabilityOnAStandaloneFirewallHasNoRecord()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Parse("show_high-availability_all", new ShowHighAvailabilityAllCommand()), Is.Empty);
            Assert.That(Parse("show_high-availability_all", new ShowHighAvailabilityStateCommand()), Is.Empty);
        }
    }

    /// <summary>`state` has no template of its own; the `all` template reads the fields both print.</summary>
    [TestCase("passive")]
    [TestCase("active")]
    public void HighAvailabilityMember(string local)
    {
        Start(new DeviceIdentity { HaState = local });
        _clock.Advance(TimeSpan.FromDays(3));
        var leads = local == "active";
        var all = Parse("show_high-availability_all", new ShowHighAvailabilityAllCommand());
        var state = Parse("show_high-availability_all", new ShowHighAvailabilityStateCommand());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(all, Has.Count.EqualTo(1));
            Assert.That(all[0]["GROUP"], Is.EqualTo("1"));
            Assert.That(all[0]["MODE"], Is.EqualTo("Active-Passive"));
            Assert.That(all[0]["STATE"], Is.EqualTo(local), "the template skips the peer's block");
            Assert.That(all[0]["HA1_LINK_STATE"], Is.EqualTo("Up"));
            Assert.That(all[0]["HA2_LINK_STATE"], Is.EqualTo("Up"));
            Assert.That(all[0]["PRIORITY"], Is.EqualTo(leads ? "100" : "110"));
            Assert.That(all[0]["SW_VERSION"], Is.EqualTo("Match"));
            Assert.That(all[0]["STATE_SYNC"], Is.EqualTo("Complete"));
            Assert.That(all[0]["LINK_MONITORING_ENABLED"], Is.EqualTo("yes"));
            Assert.That(all[0]["PATH_MONITORING_ENABLED"], Is.EqualTo("yes"));
            Assert.That(all[0]["RUNNING_CONFIGURATION"], Is.EqualTo("synchronized"));
            Assert.That(state, Has.Count.EqualTo(1));
            Assert.That(state[0]["MODE"], Is.EqualTo("Active-Passive"));
            Assert.That(state[0]["STATE"], Is.EqualTo(local));
            Assert.That(state[0]["PRIORITY"], Is.Empty, "`state` has no HA1 `Link State:` line, which the template waits for");
        }
    }

    [Test]
    public void LicenseInfo()
    {
        var expected = _device.Network.Licenses.Select(l => Row(
            ("FEATURE", l.Feature), ("DESCRIPTION", l.Description), ("SERIAL", l.Serial), ("AUTH_CODE", l.AuthCode ?? string.Empty),
            ("ISSUED", l.Issued.ToString("MMMM dd, yyyy", CultureInfo.InvariantCulture)),
            ("EXPIRES", l.Expires?.ToString("MMMM dd, yyyy", CultureInfo.InvariantCulture) ?? "Never"),
            ("EXPIRED", "no"), ("BASE_LICENSE", l.BaseLicense ?? string.Empty)));

        Assert.That(Parse("request_license_info", new RequestLicenseInfoCommand()), Is.EqualTo(expected));
    }

    [Test]
    public void LldpNeighborsAll()
    {
        var expected = _device.Network.LldpNeighbors.Select(n =>
        {
            var r = n.Remote;
            var m = r?.Management;
            return Row(
                ("LOCAL_INTERFACE", n.LocalInterface), ("INDEX", Text(n.Index)), ("LOCAL_PORT_ID", n.LocalPortId),
                ("NEIGHBOR_CHASSIS_TYPE", r?.ChassisType ?? string.Empty), ("CHASSIS_ID", r?.ChassisId ?? string.Empty),
                ("PORT_TYPE", r?.PortType ?? string.Empty), ("NEIGHBOR_INTERFACE", r?.PortId ?? string.Empty),
                ("NEIGHBOR_INTERFACE_DESCRIPTION", r?.PortDescription ?? string.Empty), ("TTL", r is null ? string.Empty : Text(r.Ttl)),
                ("NEIGHBOR_NAME", r?.SystemName ?? string.Empty), ("NEIGHBOR_DESCRIPTION", r?.SystemDescription ?? string.Empty),
                ("CAPABILITIES_SUPPORTED", r?.SupportedCapabilities ?? string.Empty), ("CAPABILITIES", r?.EnabledCapabilities ?? string.Empty),
                ("MGMT_ADDRESS_TYPE", m?.AddressType ?? string.Empty), ("MGMT_ADDRESS", m?.Address ?? string.Empty),
                ("INTERFACE_NUMBER", m is null ? string.Empty : m.InterfaceNumber.ToString(CultureInfo.InvariantCulture)),
                ("INTERFACE_TYPE", m?.InterfaceType ?? string.Empty), ("OID", m?.Oid ?? string.Empty));
        });

        Assert.That(Parse("show_lldp_neighbors_all", new ShowLldpNeighborsAllCommand()), Is.EqualTo(expected));
    }

    private void Start(DeviceIdentity identity)
    {
        _clock = new ManualTimeProvider(Boot);
        _device = DefaultDevice.Create(_clock, identity);
        (_session, _) = _device.Login("admin", "192.0.2.1", "CLI");
    }

    private List<Dictionary<string, string>> Parse(string template, Command command) =>
        TextFsm.Parse(template, _device.Execute(command, _session).Output);

    private static Dictionary<string, string> Row(params (string Key, string Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

    private static Dictionary<string, string> Job(string enqueued, string dequeued, string id, string type, string status, string result, string completed) =>
        Row(("ENQUEUED", enqueued), ("DEQUEUED", dequeued), ("ID", id), ("TYPE", type), ("STATUS", status), ("RESULT", result), ("COMPLETED", completed));

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
