using System.Globalization;
using System.Net;
using System.Net.Sockets;
using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Engine.Jobs;
using VirtualFirewall.Engine.Network;
using VirtualFirewall.Engine.Rendering.Network;
using VirtualFirewall.Engine.State;

namespace VirtualFirewall.Engine.Handlers;

/// <summary>The network show commands: interfaces, routes, ARP and MAC tables, HA, jobs, licences, LLDP.</summary>
internal static class NetworkHandler
{
    /// <summary>The header figures of the ARP and MAC tables (paloalto_panos_show_arp_all.raw, show_mac_all.raw).</summary>
    private const int NeighborTableSize = 1500;

    private const int NeighborTimeoutSeconds = 1800;

    /// <summary>The command's result, or null when the command is not one of these.</summary>
    public static CommandResult? TryExecute(Device device, Command command)
    {
        var network = device.Network;
        var since102 = PanosRelease.Parse(device.Identity.SwVersion).IsAtLeast(10, 2);
        string? text = command switch
        {
            ShowInterfaceAllCommand => InterfaceRenderer.All(network.Hardware, network.AggregateGroups, network.Logical, since102),
            ShowInterfaceHardwareCommand => InterfaceRenderer.Hardware(network.Hardware, network.AggregateGroups, since102),
            ShowInterfaceLogicalCommand => InterfaceRenderer.Logical(network.Logical, since102),
            ShowInterfaceManagementCommand => ManagementInterfaceRenderer.Render(network.Management, device.Identity),
            ShowRoutingRouteCommand => RouteRenderer.Render(network.VirtualRouters, SortedRoutes(network.Routes)),
            ShowArpAllCommand => NeighborTableRenderer.Arp(new NeighborTableView<ArpEntry>(NeighborTableSize, NeighborTimeoutSeconds, network.Arp.Count, network.Arp)),
            ShowMacAllCommand => NeighborTableRenderer.Mac(new NeighborTableView<MacEntry>(NeighborTableSize, NeighborTimeoutSeconds, network.Mac.Count, network.Mac)),
            ShowJobsAllCommand => JobsRenderer.All([.. device.Jobs.All.Reverse().Select(j => Row(device, j))]),
            ShowJobsIdCommand c => device.Jobs.Find(c.Id) is { } job ? JobsRenderer.One(Row(device, job)) : null,
            ShowHighAvailabilityAllCommand => device.Identity.HaState is null ? HighAvailabilityRenderer.NotEnabled : HighAvailabilityRenderer.All(HaView(device)),
            ShowHighAvailabilityStateCommand => device.Identity.HaState is null ? HighAvailabilityRenderer.NotEnabled : HighAvailabilityRenderer.State(HaView(device)),
            RequestLicenseInfoCommand => LicenseRenderer.Render(network.Licenses, DateOnly.FromDateTime(device.Clock.LocalNow), device.Clock.ZoneAbbreviation(device.Clock.UtcNow)),
            ShowLldpNeighborsAllCommand => LldpRenderer.Render(network.LldpNeighbors),
            _ => null,
        };

        if (text is not null)
        {
            return new CommandResult(text);
        }

        // RECONSTRUCTED: the XML API's `job 19 not found` (xmlapi notes §7) behind the CLI's `Server error :` prefix (§2.6).
        return command is ShowJobsIdCommand missing
            ? CommandResult.Error(string.Create(CultureInfo.InvariantCulture, $"Server error : job {missing.Id} not found\n"))
            : null;
    }

    /// <summary>Routes in address order, IPv4 before IPv6, shorter prefixes first (routing_route2.raw).</summary>
    private static List<Route> SortedRoutes(IReadOnlyList<Route> routes) =>
        [.. routes.OrderBy(r => r, Comparer<Route>.Create(CompareDestinations))];

    private static int CompareDestinations(Route left, Route right)
    {
        var (leftAddress, leftLength) = Destination(left.Destination);
        var (rightAddress, rightLength) = Destination(right.Destination);
        var family = leftAddress.Length.CompareTo(rightAddress.Length);
        if (family != 0)
        {
            return family;
        }

        var bytes = leftAddress.AsSpan().SequenceCompareTo(rightAddress);
        return bytes != 0 ? bytes : leftLength.CompareTo(rightLength);
    }

    private static (byte[] Address, int Length) Destination(string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var address = IPAddress.TryParse(slash < 0 ? cidr : cidr[..slash], out var parsed) ? parsed.GetAddressBytes() : [];
        var length = slash < 0 ? 0 : int.Parse(cidr.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture);
        return (address, length);
    }

    private static JobRow Row(Device device, Job job)
    {
        var now = device.Clock.UtcNow;
        var finished = job.IsFinished(now);
        return new JobRow(
            device.Clock.ToLocal(job.Enqueued).ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture),
            device.Clock.ToLocal(job.Dequeued).ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            job.Id,
            job.Type,
            finished ? "FIN" : "ACT",
            finished ? job.Result : "PEND",
            finished
                ? device.Clock.ToLocal(job.Finished).ToString("HH:mm:ss", CultureInfo.InvariantCulture)
                : job.Progress(now).ToString(CultureInfo.InvariantCulture) + "%")
        {
            Details = job.Details,
        };
    }

    private static HighAvailabilityView HaView(Device device)
    {
        var identity = device.Identity;
        var settings = device.Network.HighAvailability;
        var localState = identity.HaState!;
        var peerState = localState switch
        {
            "active" => "passive",
            "active-primary" => "active-secondary",
            "active-secondary" => "active-primary",
            _ => "active",
        };
        var mode = localState.StartsWith("active-", StringComparison.Ordinal) ? "Active-Active" : "Active-Passive";
        var localLeads = localState is "active" or "active-primary";
        var since = Since(device.Clock.UtcNow - device.BootTime);
        var prefix = "/" + PrefixLength(identity.Netmask).ToString(CultureInfo.InvariantCulture);
        var versions = new HaVersionView(
            identity.SwVersion,
            identity.UrlFilteringVersion,
            identity.AppVersion,
            identity.AvVersion,
            identity.ThreatVersion,
            "Not Installed",
            identity.GlobalProtectClientPackageVersion is "0.0.0" or "" ? "Not Installed" : identity.GlobalProtectClientPackageVersion);
        var local = new HaMemberView(localState, since, identity.Model, identity.IpAddress + prefix, string.Empty, localLeads ? settings.LocalPriority : settings.PeerPriority, settings.Preemptive, versions);
        var peer = new HaMemberView(peerState, since, identity.Model, settings.PeerManagementAddress + prefix, string.Empty, localLeads ? settings.PeerPriority : settings.LocalPriority, settings.Preemptive, versions);
        var ha2Port = device.Network.FindHardware(settings.Ha2Interface);
        return new HighAvailabilityView(
            settings.GroupId,
            mode,
            local,
            peer,
            new HaLinkView(identity.IpAddress + prefix, identity.MacAddress.ToLowerInvariant(), "management", "Up", "1Gb/s-full"),
            new HaLinkView(settings.Ha2Address, ha2Port?.Mac ?? string.Empty, settings.Ha2Interface, ha2Port?.IsUp == true ? "Up" : "Down", "10Gb/s-full"),
            new HaLinkView(settings.PeerManagementAddress, settings.PeerManagementMac, "management", "Up", "1Gb/s-full"),
            new HaLinkView(settings.PeerHa2Address, settings.PeerHa2Mac, settings.Ha2Interface, "Up", "10Gb/s-full"))
        {
            MonitoredInterfaces =
            [
                .. settings.MonitoredInterfaces.Select(name =>
                    KeyValuePair.Create(name, device.Network.FindHardware(name)?.IsUp == true ? "up" : "down")),
            ],
        };
    }

    /// <summary>`45 days` as in the samples; shorter spans are RECONSTRUCTED as hours or minutes.</summary>
    private static string Since(TimeSpan span) =>
        span.TotalDays >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} days")
        : span.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} hours")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)span.TotalMinutes)} minutes");

    private static int PrefixLength(string netmask)
    {
        if (!IPAddress.TryParse(netmask, out var mask) || mask.AddressFamily != AddressFamily.InterNetwork)
        {
            return 24;
        }

        return mask.GetAddressBytes().Sum(b => System.Numerics.BitOperations.PopCount(b));
    }
}
