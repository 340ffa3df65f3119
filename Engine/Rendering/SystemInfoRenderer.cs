using System.Text;
using VirtualFirewall.Engine.State;

namespace VirtualFirewall.Engine.Rendering;

/// <summary>
/// `show system info`: one `key: value` line each, no alignment, then a blank line.
/// Key order by release follows the three real samples in panos-cli-reference.md §6:
/// 7.0.1 (ntc-templates raw, byte-exact), 8.0.4 (adds ip-assignment and the clientless-VPN pair)
/// and 9.0.0 (adds public-ip-address and cloud-mode). Later releases use the 9.0 order: no verbatim
/// 10.x capture exists in the reference. The vm-* block sits between serial and sw-version on a VM,
/// as in the 7.0.1 and 8.0.4 PA-VM samples. An empty value prints `key: ` with its space, as the
/// 7.0.1 device capture does for ipv6-default-gateway.
/// </summary>
public static class SystemInfoRenderer
{
    public static string Render(DeviceIdentity id, string time, string uptime)
    {
        var release = PanosRelease.Parse(id.SwVersion);
        var since80 = release.IsAtLeast(8, 0);
        var since90 = release.IsAtLeast(9, 0);
        var isVm = string.Equals(id.Family, "vm", StringComparison.Ordinal);

        var text = new StringBuilder(1536);
        void Line(string key, string value) => text.Append(key).Append(": ").Append(value).Append('\n');

        Line("hostname", id.Hostname);
        Line("ip-address", id.IpAddress);
        if (since90)
        {
            Line("public-ip-address", id.PublicIpAddress);
        }

        Line("netmask", id.Netmask);
        Line("default-gateway", id.DefaultGateway);
        if (since80)
        {
            Line("ip-assignment", id.IpAssignment);
        }

        Line("ipv6-address", id.Ipv6Address);
        Line("ipv6-link-local-address", id.Ipv6LinkLocalAddress);
        Line("ipv6-default-gateway", id.Ipv6DefaultGateway);
        Line("mac-address", id.MacAddress);
        Line("time", time);
        Line("uptime", uptime);
        Line("family", id.Family);
        Line("model", id.Model);
        Line("serial", id.Serial);
        if (isVm)
        {
            Line("vm-mac-base", id.VmMacBase);
            Line("vm-mac-count", id.VmMacCount);
            Line("vm-uuid", id.VmUuid);
            Line("vm-cpuid", id.VmCpuId);
            Line("vm-license", id.VmLicense);
            Line("vm-mode", id.VmMode);
        }

        if (since90)
        {
            Line("cloud-mode", id.CloudMode);
        }

        Line("sw-version", id.SwVersion);
        Line("global-protect-client-package-version", id.GlobalProtectClientPackageVersion);
        Line("app-version", id.AppVersion);
        Line("app-release-date", id.AppReleaseDate);
        Line("av-version", id.AvVersion);
        Line("av-release-date", id.AvReleaseDate);
        Line("threat-version", id.ThreatVersion);
        Line("threat-release-date", id.ThreatReleaseDate);
        Line("wf-private-version", id.WfPrivateVersion);
        Line("wf-private-release-date", id.WfPrivateReleaseDate);
        Line("url-db", id.UrlDb);
        Line("wildfire-version", id.WildfireVersion);
        Line("wildfire-release-date", id.WildfireReleaseDate);
        Line("url-filtering-version", id.UrlFilteringVersion);
        Line("global-protect-datafile-version", id.GlobalProtectDatafileVersion);
        Line("global-protect-datafile-release-date", id.GlobalProtectDatafileReleaseDate);
        if (since80)
        {
            Line("global-protect-clientless-vpn-version", id.GlobalProtectClientlessVpnVersion);
            Line("global-protect-clientless-vpn-release-date", id.GlobalProtectClientlessVpnReleaseDate);
        }

        Line("logdb-version", id.LogdbVersion);
        Line("platform-family", id.PlatformFamily);
        Line("vpn-disable-mode", id.VpnDisableMode);
        Line("multi-vsys", id.MultiVsys);
        Line("operational-mode", id.OperationalMode);
        text.Append('\n');
        return text.ToString();
    }
}
