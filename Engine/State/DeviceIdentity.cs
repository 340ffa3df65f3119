namespace VirtualFirewall.Engine.State;

/// <summary>
/// Who the device says it is: the values behind `show system info` and the prompt.
/// The defaults describe a KVM PA-VM on PAN-OS 10.2; every value can be overridden per device.
/// </summary>
public sealed record DeviceIdentity
{
    public string Hostname { get; init; } = "PA-VM";
    public string IpAddress { get; init; } = "192.168.1.1";
    public string PublicIpAddress { get; init; } = "unknown";
    public string Netmask { get; init; } = "255.255.255.0";
    public string DefaultGateway { get; init; } = "192.168.1.254";
    public string IpAssignment { get; init; } = "static";
    public string Ipv6Address { get; init; } = "unknown";
    public string Ipv6LinkLocalAddress { get; init; } = "fe80::5054:ff:fe12:3401/64";
    public string Ipv6DefaultGateway { get; init; } = "";
    public string MacAddress { get; init; } = "52:54:00:12:34:01";
    public string Family { get; init; } = "vm";
    public string Model { get; init; } = "PA-VM";
    public string Serial { get; init; } = "007954000351998";
    public string VmMacBase { get; init; } = "BA:DB:EE:FB:AD:00";
    public string VmMacCount { get; init; } = "256";
    public string VmUuid { get; init; } = "8A3C6A1E-5B0D-4F4E-9E21-3C5D7B9A0F12";
    public string VmCpuId { get; init; } = "KVM:A7060200FFFB8B1F";
    public string VmLicense { get; init; } = "VM-100";
    public string VmMode { get; init; } = "KVM";
    public string CloudMode { get; init; } = "non-cloud";
    public string SwVersion { get; init; } = "10.2.10";
    public string GlobalProtectClientPackageVersion { get; init; } = "0.0.0";
    public string AppVersion { get; init; } = "8863-9019";
    public string AppReleaseDate { get; init; } = "2024/06/18 15:40:18 PDT";
    public string AvVersion { get; init; } = "4836-5354";
    public string AvReleaseDate { get; init; } = "2024/06/19 05:04:41 PDT";
    public string ThreatVersion { get; init; } = "8863-9019";
    public string ThreatReleaseDate { get; init; } = "2024/06/18 15:40:18 PDT";
    public string WfPrivateVersion { get; init; } = "0";
    public string WfPrivateReleaseDate { get; init; } = "unknown";
    public string UrlDb { get; init; } = "paloaltonetworks";
    public string WildfireVersion { get; init; } = "0";
    public string WildfireReleaseDate { get; init; } = "unknown";
    public string UrlFilteringVersion { get; init; } = "20240619.20195";
    public string GlobalProtectDatafileVersion { get; init; } = "unknown";
    public string GlobalProtectDatafileReleaseDate { get; init; } = "unknown";
    public string GlobalProtectClientlessVpnVersion { get; init; } = "0";
    public string GlobalProtectClientlessVpnReleaseDate { get; init; } = "";
    public string LogdbVersion { get; init; } = "10.2.2";
    public string PlatformFamily { get; init; } = "vm";
    public string VpnDisableMode { get; init; } = "off";
    public string MultiVsys { get; init; } = "off";
    public string OperationalMode { get; init; } = "normal";

    /// <summary>
    /// The HA state an HA member shows in its prompt (`active`, `passive`, `active-primary`,
    /// `active-secondary`, `initial`, `non-functional`, `tentative`, `suspended`: panos-cli-reference.md
    /// §2.1); null for a standalone firewall.
    /// </summary>
    public string? HaState { get; init; }

    /// <summary>IANA id of the device's time zone (`deviceconfig system timezone`).</summary>
    public string TimeZone { get; init; } = "UTC";
}
