using VirtualFirewall.Engine.State;
using VirtualFirewall.Engine.Users;

namespace VirtualFirewall.Engine.Configuration;

/// <summary>
/// The configuration a device starts with, written as the `set` lines an engineer would type. It
/// describes the network the traffic generator simulates (Engine/Traffic/DefaultTrafficProfile.cs):
/// ethernet1/1 untrust, ethernet1/2 trust, ethernet1/3 dmz, tunnel.1 to the VPN site, the rules and
/// NAT rules its sessions name; addresses and routes agree with Engine/Network/DefaultNetwork.cs.
/// </summary>
public static class DefaultConfiguration
{
    public static ConfigElement Create(DeviceIdentity identity, IEnumerable<UserAccount> users) => Create(identity, users, withLab: true);

    /// <summary>The configuration with the lab network (<paramref name="withLab"/>) or only the system settings and users.</summary>
    /// <param name="identity">Hostname, management address and time zone.</param>
    /// <param name="users">The administrators.</param>
    /// <param name="withLab">Whether to add the interfaces, zones, objects, rules and NAT of the lab network.</param>
    /// <returns>The configuration tree.</returns>
    public static ConfigElement Create(DeviceIdentity identity, IEnumerable<UserAccount> users, bool withLab)
    {
        // Its own seeded source, so the salts do not shift what the device's random source gives the traffic generator.
        var random = new Random(1);
        var root = DeviceConfiguration.NewRoot();
        foreach (var user in users)
        {
            // A key-only account carries a hash no password matches (`*`).
            Apply(root, $"mgt-config users {user.Name} phash {user.PasswordHash ?? PasswordHash.Of(user.Password, random)}");
            Apply(root, $"mgt-config users {user.Name} permissions role-based superuser yes");
        }

        foreach (var line in Lines(identity).Where(l => withLab || l.StartsWith("deviceconfig ", StringComparison.Ordinal)))
        {
            Apply(root, line);
        }

        return root;
    }

    private static IEnumerable<string> Lines(DeviceIdentity identity) =>
    [
        $"deviceconfig system hostname {identity.Hostname}",
        $"deviceconfig system ip-address {identity.IpAddress}",
        $"deviceconfig system netmask {identity.Netmask}",
        $"deviceconfig system default-gateway {identity.DefaultGateway}",
        "deviceconfig system dns-setting servers primary 198.51.100.53",
        "deviceconfig system dns-setting servers secondary 203.0.113.53",
        $"deviceconfig system timezone {identity.TimeZone}",
        "network interface ethernet ethernet1/1 layer3 ip 203.0.113.1/28",
        "network interface ethernet ethernet1/2 layer3 ip 10.1.0.1/16",
        "network interface ethernet ethernet1/3 layer3 ip 192.168.50.1/24",
        "network virtual-router default interface [ ethernet1/1 ethernet1/2 ethernet1/3 ]",
        "network virtual-router default routing-table ip static-route default-route destination 0.0.0.0/0 interface ethernet1/1 nexthop ip-address 203.0.113.14",
        "network virtual-router default routing-table ip static-route vpn-site destination 10.20.0.0/23 interface tunnel.1",
        "zone untrust network layer3 ethernet1/1",
        "zone trust network layer3 ethernet1/2",
        "zone dmz network layer3 ethernet1/3",
        "zone VPN",
        "address dmz-web-server ip-netmask 192.168.50.10",
        "address dmz-web-public ip-netmask 203.0.113.10",
        "address trust-clients ip-netmask 10.1.0.0/16",
        "service mgmt-tcp protocol tcp port 22,23,445,1433,3389",
        "service mgmt-udp protocol udp port 161",
        "rulebase security rules allow-dns from [ trust dmz ] to [ untrust dmz ] source any destination any application dns service application-default action allow log-end yes",
        "rulebase security rules allow-ntp from trust to untrust source any destination any application ntp service application-default action allow log-end yes",
        "rulebase security rules deny-p2p from trust to untrust source any destination any application bittorrent service any action drop log-end yes",
        "rulebase security rules allow-trust-to-untrust from trust to untrust source trust-clients destination any application any service application-default action allow log-end yes",
        "rulebase security rules allow-trust-to-dmz from trust to dmz source trust-clients destination any application any service application-default action allow log-end yes",
        "rulebase security rules deny-untrust from untrust to dmz source any destination dmz-web-public application any service [ mgmt-tcp mgmt-udp ] action deny log-end yes description \"Management ports of the published web server\"",
        "rulebase security rules allow-untrust-to-dmz-web from untrust to dmz source any destination dmz-web-public application [ web-browsing ssl ] service application-default action allow log-end yes",
        "rulebase security rules allow-trust-to-vpn from trust to VPN source trust-clients destination any application any service any action allow log-end yes",
        "rulebase nat rules trust-to-untrust-snat from trust to untrust source any destination any service any source-translation dynamic-ip-and-port interface-address interface ethernet1/1",
        "rulebase nat rules dmz-web-dnat from untrust to untrust source any destination dmz-web-public service any destination-translation translated-address dmz-web-server",
    ];

    private static void Apply(ConfigElement root, string line)
    {
        var words = Words(line);
        var walk = ConfigWalk.Run(words, withValues: true);
        if (walk.Error is not null)
        {
            throw new InvalidOperationException($"default configuration line does not fit the schema: {line}");
        }

        DeviceConfiguration.Set(root, walk.Path, walk.Assignments);
    }

    // The lines above quote only whole values, so a simple split is enough here.
    private static List<string> Words(string line)
    {
        var words = new List<string>();
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] == ' ')
            {
                i++;
                continue;
            }

            if (line[i] == '"')
            {
                var end = line.IndexOf('"', i + 1);
                words.Add(line[(i + 1)..end]);
                i = end + 1;
                continue;
            }

            var next = line.IndexOf(' ', i);
            next = next < 0 ? line.Length : next;
            words.Add(line[i..next]);
            i = next;
        }

        return words;
    }
}
