namespace VirtualFirewall.Engine.Rendering.Network;

/// <summary>What `show high-availability` prints about one member; <see cref="Since"/> reads `45 days`.</summary>
public sealed record HaMemberView(
    string State,
    string Since,
    string Model,
    string ManagementIpv4,
    string ManagementIpv6,
    int Priority,
    bool Preemptive,
    HaVersionView Versions);
