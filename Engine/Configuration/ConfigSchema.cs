namespace VirtualFirewall.Engine.Configuration;

/// <summary>
/// The subset of the PAN-OS configuration schema that automation uses, in the single-vsys short form
/// the CLI accepts (`set address ...` for vsys1, `set deviceconfig ...` for localhost.localdomain; the
/// batfish set-format samples in reference/configs use the same form). <see cref="FullPath"/> maps a
/// top-level word to its place in the full tree that `show config` prints.
/// </summary>
public static class ConfigSchema
{
    private static readonly string[] YesNo = ["no", "yes"];

    public static SchemaNode Root { get; } = new(
        string.Empty,
        SchemaKind.Container,
        string.Empty,
        [
            Entries("address", "Address objects", ConfigValues.Name, Leaf("description", "Description", ConfigValues.Text), Leaf("fqdn", "FQDN", ConfigValues.Fqdn), Leaf("ip-netmask", "IP address or network (x.x.x.x/n)", ConfigValues.IpNetmask), Leaf("ip-range", "IP address range (x.x.x.x-y.y.y.y)", ConfigValues.IpRange), Members("tag", "Tags", ConfigValues.Name)),
            Entries("address-group", "Address groups", ConfigValues.Name, Leaf("description", "Description", ConfigValues.Text), Members("static", "Static members", ConfigValues.Name), Members("tag", "Tags", ConfigValues.Name)),
            Container(
                "deviceconfig",
                "Device configuration",
                Container(
                    "setting",
                    "Device settings",
                    Container(
                        "session",
                        "Session settings",
                        Leaf("timeout-default", "Default session timeout (seconds)", ConfigValues.IntegerInRange(1, 15999999)),
                        Leaf("timeout-icmp", "ICMP session timeout (seconds)", ConfigValues.IntegerInRange(1, 15999999)),
                        Leaf("timeout-tcp", "TCP session timeout (seconds)", ConfigValues.IntegerInRange(1, 15999999)),
                        Leaf("timeout-udp", "UDP session timeout (seconds)", ConfigValues.IntegerInRange(1, 15999999)))),
                Container(
                    "system",
                    "System settings",
                    Leaf("default-gateway", "Default gateway", ConfigValues.Ipv4),
                    Container("dns-setting", "DNS settings", Container("servers", "DNS servers", Leaf("primary", "Primary DNS server", ConfigValues.Ipv4), Leaf("secondary", "Secondary DNS server", ConfigValues.Ipv4))),
                    Leaf("hostname", "Hostname", ConfigValues.Name),
                    Leaf("ip-address", "Management IP address", ConfigValues.Ipv4),
                    Leaf("login-banner", "Login banner", ConfigValues.Text),
                    Leaf("netmask", "Management netmask", ConfigValues.Ipv4),
                    Leaf("timezone", "Time zone", ConfigValues.Text))),
            Container(
                "mgt-config",
                "Management configuration",
                Entries(
                    "users",
                    "Local administrators",
                    ConfigValues.Name,
                    new SchemaNode("password", SchemaKind.Leaf, "Password (asked for twice, not echoed)") { IsInteractive = true },
                    Container("permissions", "Administrator role", Container("role-based", "Dynamic role", Choice("superreader", "Read-only superuser", YesNo), Choice("superuser", "Superuser", YesNo))),
                    Leaf("phash", "Password hash", ConfigValues.Text))),
            Container(
                "network",
                "Network configuration",
                Container(
                    "interface",
                    "Interfaces",
                    Entries(
                        "ethernet",
                        "Ethernet interfaces",
                        EthernetName,
                        Leaf("comment", "Comment", ConfigValues.Text),
                        Container("layer3", "Layer 3 interface", Entries("ip", "IP addresses", ConfigValues.IpNetmask), Leaf("mtu", "MTU", ConfigValues.IntegerInRange(576, 9216))),
                        Choice("link-state", "Link state", ["auto", "down", "up"]))),
                Entries(
                    "virtual-router",
                    "Virtual routers",
                    ConfigValues.Name,
                    Members("interface", "Interfaces", EthernetName),
                    Container(
                        "routing-table",
                        "Routing table",
                        Container(
                            "ip",
                            "IPv4",
                            Entries(
                                "static-route",
                                "Static routes",
                                ConfigValues.Name,
                                Leaf("destination", "Destination network", ConfigValues.IpNetmask),
                                Leaf("interface", "Outgoing interface", EthernetName),
                                Leaf("metric", "Metric", ConfigValues.IntegerInRange(1, 65535)),
                                Container("nexthop", "Next hop", Leaf("ip-address", "Next-hop address", ConfigValues.Ipv4))))))),
            Container(
                "rulebase",
                "Policies",
                Container(
                    "nat",
                    "NAT policy",
                    Entries(
                        "rules",
                        "NAT rules",
                        ConfigValues.Name,
                        Leaf("description", "Description", ConfigValues.Text),
                        Members("destination", "Destination addresses", AddressOrName),
                        Container("destination-translation", "Destination translation", Leaf("translated-address", "Translated address", AddressOrName), Leaf("translated-port", "Translated port", ConfigValues.IntegerInRange(1, 65535))),
                        Choice("disabled", "Disable the rule", YesNo),
                        Members("from", "Source zones", ConfigValues.Name),
                        Leaf("service", "Service", ConfigValues.Name),
                        Members("source", "Source addresses", AddressOrName),
                        Container(
                            "source-translation",
                            "Source translation",
                            Container(
                                "dynamic-ip-and-port",
                                "Dynamic IP and port",
                                Container("interface-address", "Interface address", Leaf("interface", "Interface", EthernetName)),
                                Members("translated-address", "Translated addresses", AddressOrName))),
                        Members("to", "Destination zones", ConfigValues.Name),
                        Leaf("to-interface", "Egress interface", EthernetName))),
                Container(
                    "security",
                    "Security policy",
                    Entries(
                        "rules",
                        "Security rules",
                        ConfigValues.Name,
                        Choice("action", "Action", ["allow", "deny", "drop", "reset-both", "reset-client", "reset-server"]),
                        Members("application", "Applications", ConfigValues.Name),
                        Members("category", "URL categories", ConfigValues.Name),
                        Leaf("description", "Description", ConfigValues.Text),
                        Members("destination", "Destination addresses", AddressOrName),
                        Choice("disabled", "Disable the rule", YesNo),
                        Members("from", "Source zones", ConfigValues.Name),
                        Choice("log-end", "Log at session end", YesNo),
                        Choice("log-start", "Log at session start", YesNo),
                        Members("service", "Services", ConfigValues.Name),
                        Members("source", "Source addresses", AddressOrName),
                        Members("source-user", "Source users", ConfigValues.Text),
                        Members("tag", "Tags", ConfigValues.Name),
                        Members("to", "Destination zones", ConfigValues.Name)))),
            Entries(
                "service",
                "Service objects",
                ConfigValues.Name,
                Leaf("description", "Description", ConfigValues.Text),
                Container(
                    "protocol",
                    "Protocol",
                    Container("tcp", "TCP", Leaf("port", "Destination ports", ConfigValues.Ports), Leaf("source-port", "Source ports", ConfigValues.Ports)),
                    Container("udp", "UDP", Leaf("port", "Destination ports", ConfigValues.Ports), Leaf("source-port", "Source ports", ConfigValues.Ports)))),
            Entries("service-group", "Service groups", ConfigValues.Name, Members("members", "Members", ConfigValues.Name)),
            Entries("tag", "Tags", ConfigValues.Name, Leaf("color", "Color", ConfigValues.Text), Leaf("comments", "Comments", ConfigValues.Text)),
            Entries("zone", "Security zones", ConfigValues.Name, Container("network", "Zone network", Members("layer3", "Layer 3 interfaces", EthernetName))),
        ]);

    /// <summary>Where a top-level word lives in the full configuration: `devices localhost.localdomain [vsys vsys1]`.</summary>
    public static IReadOnlyList<string> FullPath(string topWord) => topWord switch
    {
        "mgt-config" => [],
        "deviceconfig" or "network" => ["devices", "localhost.localdomain"],
        _ => ["devices", "localhost.localdomain", "vsys", "vsys1"],
    };

    // ethernet1/1, ethernet1/2.10, tunnel.1, loopback.1, ae1.
    private static string? EthernetName(string value)
    {
        foreach (var prefix in new[] { "ethernet", "tunnel", "loopback", "ae" })
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal) && value.Length > prefix.Length
                && value[prefix.Length..].TrimStart('.').Split('/', '.').All(p => p.Length > 0 && p.All(char.IsAsciiDigit)))
            {
                return null;
            }
        }

        return $"{value} is not a valid interface name";
    }

    private static string? AddressOrName(string value) =>
        ConfigValues.IpNetmask(value) is null || ConfigValues.IpRange(value) is null || ConfigValues.Name(value) is null ? null : $"{value} is not a valid address or object name";

    private static SchemaNode Container(string name, string help, params SchemaNode[] children) => new(name, SchemaKind.Container, help, children);

    private static SchemaNode Entries(string name, string help, Func<string, string?> validateName, params SchemaNode[] children) => new(name, SchemaKind.EntryList, help, children, validateName);

    private static SchemaNode Leaf(string name, string help, Func<string, string?> validate) => new(name, SchemaKind.Leaf, help, validate: validate);

    private static SchemaNode Choice(string name, string help, IReadOnlyList<string> choices) => new(name, SchemaKind.Leaf, help, choices: choices);

    private static SchemaNode Members(string name, string help, Func<string, string?> validate) => new(name, SchemaKind.MemberList, help, validate: validate);
}
