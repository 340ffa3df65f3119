using VirtualFirewall.Engine.Rendering;
using VirtualFirewall.Engine.State;

namespace VirtualFirewall.Tests.Engine;

[TestFixture]
public sealed class SystemInfoRendererTests
{
    /// <summary>The identity of the PA-VM in ntc-templates' show_system_info sample (PAN-OS 7.0.1).</summary>
    private static readonly DeviceIdentity Ntc701 = new()
    {
        Hostname = "pa1",
        IpAddress = "10.0.0.90",
        Netmask = "255.255.255.0",
        DefaultGateway = "10.0.0.2",
        Ipv6Address = "unknown",
        Ipv6LinkLocalAddress = "fe80::20c:29ff:fe6d:c67e/64",
        Ipv6DefaultGateway = "",
        MacAddress = "00:0c:29:6d:c6:7e",
        Family = "vm",
        Model = "PA-VM",
        Serial = "unknown",
        VmMacBase = "BA:DB:EE:FB:AD:00",
        VmMacCount = "255",
        VmUuid = "564D8B6D-7BDB-75AF-400F-B062016DC67E",
        VmCpuId = "FB060000FDFB8B07",
        VmLicense = "none",
        VmMode = "VMWare ESXi",
        SwVersion = "7.0.1",
        GlobalProtectClientPackageVersion = "0.0.0",
        AppVersion = "497-2688",
        AppReleaseDate = "unknown",
        AvVersion = "0",
        AvReleaseDate = "unknown",
        ThreatVersion = "0",
        ThreatReleaseDate = "unknown",
        WfPrivateVersion = "0",
        WfPrivateReleaseDate = "unknown",
        UrlDb = "paloaltonetworks",
        WildfireVersion = "0",
        WildfireReleaseDate = "unknown",
        UrlFilteringVersion = "0000.00.00.000",
        GlobalProtectDatafileVersion = "0",
        GlobalProtectDatafileReleaseDate = "unknown",
        LogdbVersion = "7.0.9",
        PlatformFamily = "vm",
        VpnDisableMode = "off",
        MultiVsys = "off",
        OperationalMode = "normal",
    };

    [Test]
    public void MatchesTheNtcTemplatesDeviceCaptureByteForByte()
    {
        var expected = File.ReadAllText(RepositoryPaths.Reference("ntc-templates/paloalto_panos_show_system_info.raw"));
        var time = PanosTime.Asctime(new DateTime(2016, 4, 28, 6, 33, 12, DateTimeKind.Unspecified));
        var uptime = PanosTime.Uptime(new TimeSpan(2, 2, 38, 49));

        var actual = SystemInfoRenderer.Render(Ntc701, time, uptime);

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Release90AddsPublicIpAndCloudModeWhereThePa850SampleHasThem()
    {
        var text = SystemInfoRenderer.Render(Ntc701 with { SwVersion = "9.0.0-c300", Family = "800" }, "t", "u");
        var keys = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]).ToList();

        // Key order of the PAN-OS 9.0.0 PA-850 sample (CLI Quick Start), reference §6.
        Assert.That(keys, Is.EqualTo(new[]
        {
            "hostname", "ip-address", "public-ip-address", "netmask", "default-gateway", "ip-assignment",
            "ipv6-address", "ipv6-link-local-address", "ipv6-default-gateway", "mac-address", "time", "uptime",
            "family", "model", "serial", "cloud-mode", "sw-version", "global-protect-client-package-version",
            "app-version", "app-release-date", "av-version", "av-release-date", "threat-version", "threat-release-date",
            "wf-private-version", "wf-private-release-date", "url-db", "wildfire-version", "wildfire-release-date",
            "url-filtering-version", "global-protect-datafile-version", "global-protect-datafile-release-date",
            "global-protect-clientless-vpn-version", "global-protect-clientless-vpn-release-date", "logdb-version",
            "platform-family", "vpn-disable-mode", "multi-vsys", "operational-mode",
        }));
    }

    [Test]
    public void Release80AddsIpAssignmentButNotTheNinePointZeroKeys()
    {
        var text = SystemInfoRenderer.Render(Ntc701 with { SwVersion = "8.0.4" }, "t", "u");

        Assert.That(text, Does.Contain("\ndefault-gateway: 10.0.0.2\nip-assignment: static\nipv6-address: unknown\n"));
        Assert.That(text, Does.Contain("\nglobal-protect-clientless-vpn-version: 0\n"));
        Assert.That(text, Does.Not.Contain("public-ip-address"));
        Assert.That(text, Does.Not.Contain("cloud-mode"));
    }

    [Test]
    public void TheDefaultDeviceSaysWhatNetmikoAutodetectLooksFor()
    {
        var text = SystemInfoRenderer.Render(new DeviceIdentity(), "t", "u");

        // netmiko autodetect and session preparation (client contract C9).
        Assert.That(text, Does.Match(@"(?m)^model:\s+PA-"));
        Assert.That(text, Does.Contain("\noperational-mode: normal\n\n"));
        Assert.That(text, Does.Contain("\nsw-version: 10.2."));
    }
}
