namespace VirtualFirewall.Engine.Rendering.Network;

/// <summary>The `Version Information:` block of one HA member.</summary>
public sealed record HaVersionView(
    string BuildRelease,
    string UrlDatabase,
    string ApplicationContent,
    string AntiVirus,
    string ThreatContent,
    string VpnClientSoftware,
    string GlobalProtectClientSoftware);
