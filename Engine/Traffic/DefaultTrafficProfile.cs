using System.Net;
using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Engine.Traffic;

/// <summary>
/// The traffic of <see cref="TrafficProfile.Default"/>. Applications, ports and timeouts follow the
/// sessions of reference §3 (`ssl` 443 with its 1800 s timeout, sample D; `ping` with ICMP ids,
/// sample A; `ssh` 22, the EDL notes; `web-browsing` 80, the PBF sample; `ms-update`, the tracker KB;
/// `ftp-data` predict sessions, sample B). Every address is private or in a documentation range.
/// </summary>
internal static class DefaultTrafficProfile
{
    public const string Untrust = "untrust";
    public const string Trust = "trust";
    public const string Dmz = "dmz";
    public const string Vpn = "VPN";

    /// <summary>The firewall's untrust address: source NAT for outbound traffic, and a target of host-service probes.</summary>
    public static readonly IPAddress UntrustAddress = IPAddress.Parse("203.0.113.1");

    /// <summary>The firewall's trust address, the clients' gateway.</summary>
    public static readonly IPAddress TrustAddress = IPAddress.Parse("10.1.0.1");

    /// <summary>The web server in the DMZ and its public address.</summary>
    public static readonly IPAddress DmzWebServer = IPAddress.Parse("192.168.50.10");

    public static readonly IPAddress DmzWebPublic = IPAddress.Parse("203.0.113.10");

    public static readonly AddressPool TrustClients = AddressPool.Of("10.1.1.10-10.1.1.250", "10.1.2.10-10.1.2.250");

    public static readonly AddressPool InternetServers = AddressPool.Of("198.51.100.10-198.51.100.250", "203.0.113.100-203.0.113.250");

    public static readonly AddressPool InternetClients = AddressPool.Of("198.51.100.2-198.51.100.250", "203.0.113.64-203.0.113.250");

    public static readonly AddressPool VpnSite = AddressPool.Of("10.20.0.10-10.20.1.250");

    public const string OutboundNatRule = "trust-to-untrust-snat";

    public const string DmzNatRule = "dmz-web-dnat";

    public static TrafficProfile Create()
    {
        var resolvers = AddressPool.Of("198.51.100.53", "203.0.113.53");
        var timeServers = AddressPool.Of("198.51.100.123", "203.0.113.123");
        var updateServers = AddressPool.Of("203.0.113.200-203.0.113.220");
        var dmzDns = AddressPool.Of("192.168.50.53");
        var dmzJumpHost = AddressPool.Of("192.168.50.20");
        var dmzWeb = AddressPool.Of("192.168.50.10");

        TrafficFlow[] flows =
        [
            new(Trust, Untrust, 60, TrustClients, InternetServers, "allow-trust-to-untrust",
            [
                Ssl(30),
                WebBrowsing(14),
                Dns(22) with { Rule = "allow-dns", Destinations = resolvers },
                Ping(5),
                Ntp(3) with { Rule = "allow-ntp", Destinations = timeServers },
                MsUpdate(4) with { Destinations = updateServers },
                Incomplete(4, 443),
                Ftp(1),
                Ssh(2),
            ])
            {
                SourceNat = UntrustAddress,
                NatRule = OutboundNatRule,
                IngressInterface = "ethernet1/2",
                EgressInterface = "ethernet1/1",
            },
            new(Trust, Dmz, 12, TrustClients, AddressPool.Of("192.168.50.10-192.168.50.12"), "allow-trust-to-dmz",
            [
                WebBrowsing(4),
                Ssl(4),
                Ssh(4) with { Destinations = dmzJumpHost },
                Dns(6) with { Rule = "allow-dns", Destinations = dmzDns },
                Ping(2),
            ])
            {
                IngressInterface = "ethernet1/2",
                EgressInterface = "ethernet1/3",
            },
            new(Untrust, Dmz, 12, InternetClients, AddressPool.Of("203.0.113.10"), "allow-untrust-to-dmz-web",
            [
                WebBrowsing(5),
                Ssl(8),
                Incomplete(1, 443),
            ])
            {
                DestinationNat = DmzWebServer,
                NatRule = DmzNatRule,
                IngressInterface = "ethernet1/1",
                EgressInterface = "ethernet1/3",
            },
            new(Trust, Vpn, 8, TrustClients, VpnSite, "allow-trust-to-vpn",
            [
                Ssl(4),
                new TrafficApplication("ms-rdp", 6, 3389, 2) { MinLifetimeSeconds = 60, MaxLifetimeSeconds = 1800, ExchangeSeconds = 20, ClientPacketBytes = 120, ServerPacketBytes = 1100, ServerPacketsPerExchange = 8 },
                new TrafficApplication("ms-ds-smb", 6, 445, 2) { MinLifetimeSeconds = 5, MaxLifetimeSeconds = 600, ExchangeSeconds = 10, ClientPacketBytes = 240, ServerPacketBytes = 1400, ServerPacketsPerExchange = 12 },
                Ssh(2),
                Ping(2),
            ])
            {
                IngressInterface = "ethernet1/2",
                EgressInterface = "tunnel.1",
                TraversesTunnel = true,
            },

            // Denied: scans of the published web address on management ports, dropped before App-ID.
            new(Untrust, Dmz, 6, InternetClients, AddressPool.Of("203.0.113.10"), "deny-untrust",
            [
                NotApplicable(6, 22),
                NotApplicable(5, 23),
                NotApplicable(6, 3389),
                NotApplicable(4, 445),
                NotApplicable(2, 1433),
                new TrafficApplication("not-applicable", 17, 161, 2),
            ])
            {
                Action = RuleAction.Deny,
                DestinationNat = DmzWebServer,
                NatRule = DmzNatRule,
                IngressInterface = "ethernet1/1",
                EgressInterface = "ethernet1/3",
            },
            new(Trust, Untrust, 2, TrustClients, InternetServers, "deny-p2p",
            [
                new TrafficApplication("bittorrent", 6, 6881, 3),
                new TrafficApplication("bittorrent", 17, 6881, 1),
            ])
            {
                Action = RuleAction.Drop,
                SourceNat = UntrustAddress,
                NatRule = OutboundNatRule,
                IngressInterface = "ethernet1/2",
                EgressInterface = "ethernet1/1",
            },

            // To the firewall itself, for services the interface management profiles do not offer.
            new(Untrust, Untrust, 4, InternetClients, AddressPool.Of("203.0.113.1"), "intrazone-default",
            [
                Ssh(4),
                Ssl(3),
                new TrafficApplication("snmp", 17, 161, 2),
                Ping(2),
            ])
            {
                ToFirewall = true,
                IngressInterface = "ethernet1/1",
                EgressInterface = "ethernet1/1",
            },
            new(Trust, Trust, 1, TrustClients, AddressPool.Of("10.1.0.1"), "intrazone-default",
            [
                Ssh(2),
                new TrafficApplication("snmp", 17, 161, 1),
                WebBrowsing(1),
            ])
            {
                ToFirewall = true,
                IngressInterface = "ethernet1/2",
                EgressInterface = "ethernet1/2",
            },
        ];

        return new TrafficProfile
        {
            SessionsPerMinute = 18,
            Flows = flows,
            EndCauses =
            [
                new(TrackerStage.TcpFin, 54),
                new(TrackerStage.AgedOut, 12),
                new(TrackerStage.TcpRstClient, 8),
                new(TrackerStage.TcpRstServer, 7),
                new(TrackerStage.AppidPolicyLookupDeny, 8),
                new(TrackerStage.MitigationTdb, 3),
                new(TrackerStage.ResourceLimit, 3),
                new(TrackerStage.HostService, 5),
            ],
        };
    }

    private static TrafficApplication Ssl(int weight) => new("ssl", 6, 443, weight)
    {
        MinLifetimeSeconds = 0.5,
        MaxLifetimeSeconds = 600,
        ExchangeSeconds = 8,
        ClientPacketBytes = 420,
        ServerPacketBytes = 1300,
        ServerPacketsPerExchange = 6,
        TimeoutSeconds = 1800,
    };

    private static TrafficApplication WebBrowsing(int weight) => new("web-browsing", 6, 80, weight)
    {
        MinLifetimeSeconds = 0.2,
        MaxLifetimeSeconds = 120,
        ExchangeSeconds = 4,
        ClientPacketBytes = 380,
        ServerPacketBytes = 1200,
        ServerPacketsPerExchange = 8,
    };

    private static TrafficApplication Dns(int weight) => new("dns", 17, 53, weight)
    {
        MinLifetimeSeconds = 0,
        MaxLifetimeSeconds = 0,
        ClientPacketBytes = 76,
        ServerPacketBytes = 140,
        ServerPacketsPerExchange = 1,
    };

    private static TrafficApplication Ntp(int weight) => new("ntp", 17, 123, weight)
    {
        MinLifetimeSeconds = 0,
        MaxLifetimeSeconds = 0,
        ClientPacketBytes = 90,
        ServerPacketBytes = 90,
        ServerPacketsPerExchange = 1,
    };

    // Sample A: a Windows echo is 74 bytes on the wire, one per second.
    private static TrafficApplication Ping(int weight) => new("ping", 1, 0, weight)
    {
        MinLifetimeSeconds = 0,
        MaxLifetimeSeconds = 9,
        ExchangeSeconds = 1,
        ClientPacketBytes = 74,
        ServerPacketBytes = 74,
        ServerPacketsPerExchange = 1,
    };

    private static TrafficApplication Ssh(int weight) => new("ssh", 6, 22, weight)
    {
        MinLifetimeSeconds = 5,
        MaxLifetimeSeconds = 1800,
        ExchangeSeconds = 15,
        ClientPacketBytes = 110,
        ServerPacketBytes = 160,
        ServerPacketsPerExchange = 4,
    };

    private static TrafficApplication MsUpdate(int weight) => new("ms-update", 6, 443, weight)
    {
        MinLifetimeSeconds = 5,
        MaxLifetimeSeconds = 300,
        ExchangeSeconds = 5,
        ClientPacketBytes = 300,
        ServerPacketBytes = 1460,
        ServerPacketsPerExchange = 40,
    };

    private static TrafficApplication Ftp(int weight) => new("ftp", 6, 21, weight)
    {
        MinLifetimeSeconds = 10,
        MaxLifetimeSeconds = 300,
        ExchangeSeconds = 10,
        ClientPacketBytes = 80,
        ServerPacketBytes = 120,
        ServerPacketsPerExchange = 2,
        OpensPredict = true,
    };

    private static TrafficApplication Incomplete(int weight, int port) => new("incomplete", 6, port, weight)
    {
        MinLifetimeSeconds = 0,
        MaxLifetimeSeconds = 0,
        CompletesHandshake = false,
    };

    private static TrafficApplication NotApplicable(int weight, int port) => new("not-applicable", 6, port, weight)
    {
        MinLifetimeSeconds = 0,
        MaxLifetimeSeconds = 0,
    };
}
