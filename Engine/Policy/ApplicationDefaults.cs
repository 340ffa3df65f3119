namespace VirtualFirewall.Engine.Policy;

/// <summary>
/// The default ports of the applications the device knows (`service application-default`), after
/// the Applipedia entries of the App-IDs the traffic generator produces; an application not listed
/// here is treated as running on any port.
/// </summary>
public static class ApplicationDefaults
{
    private static readonly Dictionary<string, ServiceEntry[]> Ports = new(StringComparer.Ordinal)
    {
        ["bittorrent"] = [new("tcp", "6881-6889"), new("udp", "6881-6889")],
        ["dns"] = [new("tcp", "53"), new("udp", "53")],
        ["ftp"] = [new("tcp", "21")],
        ["icmp"] = [new("icmp", "any")],
        ["ms-ds-smb"] = [new("tcp", "139"), new("tcp", "445")],
        ["ms-rdp"] = [new("tcp", "3389")],
        ["ms-update"] = [new("tcp", "80"), new("tcp", "443")],
        ["mssql-db"] = [new("tcp", "1433")],
        ["ntp"] = [new("udp", "123")],
        ["ping"] = [new("icmp", "any")],
        ["snmp"] = [new("udp", "161"), new("udp", "162")],
        ["ssh"] = [new("tcp", "22")],
        ["ssl"] = [new("tcp", "443")],
        ["telnet"] = [new("tcp", "23")],
        ["web-browsing"] = [new("tcp", "80")],
    };

    /// <summary>
    /// Names a session carries before App-ID has decided (`incomplete` handshakes, `not-applicable`
    /// traffic denied on its first packet): the lookup treats them as any application.
    /// </summary>
    private static readonly HashSet<string> Unidentified = new(StringComparer.Ordinal)
    {
        "incomplete", "insufficient-data", "not-applicable", "unknown-tcp", "unknown-udp",
    };

    /// <summary>The application's default ports, or null when the device does not know them.</summary>
    public static IReadOnlyList<ServiceEntry>? For(string application) => Ports.GetValueOrDefault(application);

    public static bool IsUnidentified(string? application) => application is null || Unidentified.Contains(application);
}
