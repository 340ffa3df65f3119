using VirtualFirewall.Engine.State;

namespace VirtualFirewall.Engine.Network;

/// <summary>
/// The network of a PA-VM serving the default traffic (Engine/Traffic/TrafficProfile.Default):
/// ethernet1/1 untrust 203.0.113.1 (the outbound source NAT address and, by proxy ARP, the web
/// server's public 203.0.113.10), ethernet1/2 trust 10.1.0.1 (clients 10.1.1.0/24, 10.1.2.0/24),
/// ethernet1/3 dmz 192.168.50.1 (servers 192.168.50.10-53), tunnel.1 to the VPN site 10.20.0.0/23,
/// ethernet1/4 unused and down (or HA2 on an HA member). Interface ids follow the PA-VM numbering
/// of the hardware samples (ethernet1/1 = 16); MACs are the identity's vm-mac-base plus the id.
/// </summary>
public static class DefaultNetwork
{
    /// <summary>The untrust next hop: the last usable address of 203.0.113.0/28.</summary>
    public const string UntrustGateway = "203.0.113.14";

    public static NetworkState Create(DeviceIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var isHaMember = identity.HaState is not null;
        var network = new NetworkState();
        string Mac(int id) => MacAddresses.Offset(identity.VmMacBase, id);

        for (var port = 1; port <= 4; port++)
        {
            var id = 15 + port;
            var up = port < 4 || isHaMember;
            network.SetHardware(new HardwareInterface($"ethernet1/{port}", id, Mac(id))
            {
                Speed = up ? "10000" : "ukn",
                Duplex = up ? "full" : "ukn",
                IsUp = up,
                Fec = "ukn",
            });
        }

        network.SetHardware(new HardwareInterface("vlan", 1, Mac(1)));
        network.SetHardware(new HardwareInterface("loopback", 3, Mac(3)));
        network.SetHardware(new HardwareInterface("tunnel", 4, Mac(4)));

        network.SetLogical(Layer3("ethernet1/1", 16, "untrust", "203.0.113.1/28"));
        network.SetLogical(Layer3("ethernet1/2", 17, "trust", "10.1.0.1/16"));
        network.SetLogical(Layer3("ethernet1/3", 18, "dmz", "192.168.50.1/24"));
        network.SetLogical(isHaMember
            ? new LogicalInterface("ethernet1/4", 19) { Forwarding = "ha", Addresses = [network.HighAvailability.Ha2Address] }
            : new LogicalInterface("ethernet1/4", 19));
        network.SetLogical(new LogicalInterface("vlan", 1));
        network.SetLogical(new LogicalInterface("loopback", 3));
        network.SetLogical(new LogicalInterface("tunnel", 4));
        network.SetLogical(new LogicalInterface("tunnel.1", 256) { Zone = "VPN", Forwarding = "vr:default" });

        network.Management = new ManagementInterface
        {
            BytesReceived = 3_486_241,
            BytesTransmitted = 8_127_354,
            PacketsReceived = 31_418,
            PacketsTransmitted = 27_731,
        };

        network.Routes =
        [
            Static("0.0.0.0/0", UntrustGateway, "ethernet1/1"),
            Connected("10.1.0.0/16", "10.1.0.1", "ethernet1/2"),
            Host("10.1.0.1/32"),
            Static("10.20.0.0/23", "0.0.0.0", "tunnel.1"),
            Connected("192.168.50.0/24", "192.168.50.1", "ethernet1/3"),
            Host("192.168.50.1/32"),
            Connected("203.0.113.0/28", "203.0.113.1", "ethernet1/1"),
            Host("203.0.113.1/32"),
        ];

        network.Arp =
        [
            new ArpEntry("ethernet1/1", UntrustGateway, "00:1c:73:5e:0a:01", "ethernet1/1") { Ttl = 1604 },
            new ArpEntry("ethernet1/2", "10.1.1.37", "52:54:00:a1:01:25", "ethernet1/2") { Ttl = 1187 },
            new ArpEntry("ethernet1/2", "10.1.2.58", "52:54:00:a1:02:3a", "ethernet1/2") { Ttl = 1733 },
            new ArpEntry("ethernet1/2", "10.1.2.112", "52:54:00:a1:02:70", "ethernet1/2") { Ttl = 948 },
            new ArpEntry("ethernet1/3", "192.168.50.10", "52:54:00:b2:32:0a", "ethernet1/3") { Ttl = 1795 },
            new ArpEntry("ethernet1/3", "192.168.50.20", "52:54:00:b2:32:14", "ethernet1/3") { Ttl = 602 },
            new ArpEntry("ethernet1/3", "192.168.50.53", "52:54:00:b2:32:35", "ethernet1/3") { Ttl = 1422 },
        ];

        network.LldpNeighbors =
        [
            new LldpNeighbor("ethernet1/1", 16, "1"),
            new LldpNeighbor("ethernet1/2", 17, "2")
            {
                Remote = new LldpRemote("00:1c:73:aa:02:01", "Ethernet7")
                {
                    PortDescription = "to PA-VM ethernet1/2",
                    Ttl = 120,
                    SystemName = "trust-sw1",
                    SystemDescription = "Arista Networks EOS version 4.28.3M running on an Arista Networks vEOS",
                    SupportedCapabilities = "B, R,",
                    EnabledCapabilities = "B,",
                    Management = new LldpManagementAddress("10.1.0.2") { InterfaceNumber = 999_001 },
                },
            },
        ];

        var issued = new DateOnly(2024, 6, 20);
        var expires = new DateOnly(2027, 6, 20);
        network.Licenses =
        [
            new License("PA-VM", "Standard " + identity.VmLicense, identity.Serial, issued, null),
            Subscription("Threat Prevention", "Threat Prevention"),
            Subscription("PAN-DB URL Filtering", "Palo Alto Networks URL Filtering License"),
            Subscription("WildFire License", "WildFire signature feed, integrated WildFire logs, WildFire API"),
            Subscription("Premium", "24 x 7 phone support; advanced replacement hardware service"),
        ];
        return network;

        License Subscription(string feature, string description) =>
            new(feature, description, identity.Serial, issued, expires) { BaseLicense = identity.Model };
    }

    private static LogicalInterface Layer3(string name, int id, string zone, string address) =>
        new(name, id) { Zone = zone, Forwarding = "vr:default", Addresses = [address] };

    private static Route Static(string destination, string nexthop, string via) =>
        new("default", destination, nexthop) { Metric = 10, Flags = "A S", Interface = via };

    private static Route Connected(string destination, string address, string via) =>
        new("default", destination, address) { Metric = 0, Flags = "A C", Interface = via };

    private static Route Host(string destination) =>
        new("default", destination, "0.0.0.0") { Metric = 0, Flags = "A H" };
}
