using System.Globalization;
using System.Text;

namespace VirtualFirewall.Engine.Rendering.Network;

/// <summary>
/// `show high-availability all` and `state`. A standalone firewall prints a blank line and
/// `HA not enabled` (the python fixture of panos-cli-reference.md §13). `all` follows
/// paloalto_panos_show_high-availability_all.raw (PA-5020, 6.1.10: `Group 1: ` and the empty
/// `Management IPv6 Address: ` keep their trailing space, a blank line ends it); `state` follows the
/// fixture's passive unit, which prints no trailing spaces. Timers are the PAN-OS defaults that
/// sample shows. Two spaces per level.
/// </summary>
public static class HighAvailabilityRenderer
{
    public const string NotEnabled = "\nHA not enabled\n";

    public static string All(HighAvailabilityView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var text = new StringBuilder();
        void Line(int level, string line) => text.Append(' ', level * 2).Append(line).Append('\n');

        Line(0, $"Group {view.Group.ToString(CultureInfo.InvariantCulture)}: ");
        Line(1, "Mode: " + view.Mode);
        Line(1, "Local Information:");
        Member(view, view.Local, Line, withModel: true, trailingSpace: true);
        Line(2, "HA1 Control Links Joint Configuration:");
        Line(3, "Link Monitor Interval: 3000 ms");
        Line(3, "Encryption Enabled: no");
        Line(2, "HA1 Control Link Information:");
        Line(3, "IP Address: " + view.Ha1.IpAddress);
        Line(3, "MAC Address: " + view.Ha1.MacAddress);
        Line(3, "Interface: " + view.Ha1.Interface);
        Line(3, $"Link State: {view.Ha1.LinkState}; Setting: {view.Ha1.Setting}");
        Line(3, "Key Imported : no");
        Line(2, "HA2 Data Link Information:");
        Line(3, "IP Address: " + view.Ha2.IpAddress);
        Line(3, "MAC Address: " + view.Ha2.MacAddress);
        Line(3, "Interface: " + view.Ha2.Interface);
        Line(3, $"Link State: {view.Ha2.LinkState}; Setting: {view.Ha2.Setting}");
        Line(2, "Election Option Information:");
        Line(3, "Priority: " + view.Local.Priority.ToString(CultureInfo.InvariantCulture));
        Line(3, "Preemptive: " + YesNo(view.Local.Preemptive));
        Line(3, "Promotion Hold Interval: 2000 ms");
        Line(3, "Hello Message Interval: 8000 ms");
        Line(3, "Heartbeat Ping Interval: 1000 ms");
        Line(3, "Max # of Flaps: 3");
        Line(3, "Preemption Hold Interval: 1 min");
        Line(3, "Monitor Fail Hold Up Interval: 0 ms");
        Line(3, "Addon Master Hold Up Interval: 500 ms");
        if (string.Equals(view.Mode, "Active-Passive", StringComparison.Ordinal))
        {
            Line(2, "Active-Passive Mode:");
            Line(3, "Passive Link State: auto");
            Line(3, "Monitor Fail Hold Down Interval: 1 min");
        }

        Versions(view.Local.Versions, Line);
        Compatibility(Line);
        Line(2, "State Synchronization: Complete; type: ethernet");
        Line(1, "Peer Information:");
        Line(2, "Connection status: up");
        Member(view, view.Peer, Line, withModel: true, trailingSpace: true);
        Line(2, "HA1 Control Link Information:");
        Line(3, "IP Address: " + view.PeerHa1.IpAddress);
        Line(3, "MAC Address: " + view.PeerHa1.MacAddress);
        Line(3, "Connection up; Primary HA1 link");
        Line(2, "HA2 Data Link Information:");
        Line(3, "IP Address: " + view.PeerHa2.IpAddress);
        Line(3, "MAC Address: " + view.PeerHa2.MacAddress);
        Line(2, "Election Option Information:");
        Line(3, "Priority: " + view.Peer.Priority.ToString(CultureInfo.InvariantCulture));
        Line(3, "Preemptive: " + YesNo(view.Peer.Preemptive));
        Versions(view.Peer.Versions, Line);
        Line(1, "Initial Monitor Hold inactive; Allow Network/Links to Settle:");
        Line(2, "Link and path monitoring failures honored");
        Line(1, "Link Monitoring Information:");
        Line(2, "Enabled: yes");
        Line(2, "Failure condition: any");
        Line(2, "Group Link:");
        Line(3, "Enabled: yes");
        Line(3, "Failure condition: any");
        foreach (var (name, state) in view.MonitoredInterfaces)
        {
            Line(3, $"Interface {name}: {state}");
        }

        Line(1, "Path Monitoring Information:");
        Line(2, "Enabled: yes");
        Line(2, "Failure condition: any");
        Line(2, "Virtual-Wire Groups:");
        Line(3, "No Virtual-Wire path monitoring groups");
        Line(2, "VLAN Groups:");
        Line(3, "No VLAN path monitoring groups");
        Line(2, "Virtual-Router Groups:");
        Line(3, "No Virtual-Router path monitoring groups");
        Line(1, "Configuration Synchronization:");
        Line(2, "Enabled: yes");
        Line(2, "Running Configuration: synchronized");
        return text.Append('\n').ToString();
    }

    public static string State(HighAvailabilityView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var text = new StringBuilder();
        void Line(int level, string line) => text.Append(' ', level * 2).Append(line).Append('\n');

        Line(0, $"Group {view.Group.ToString(CultureInfo.InvariantCulture)}:");
        Line(1, "Mode: " + view.Mode);
        Line(1, "Local Information:");
        Member(view, view.Local, Line, withModel: false, trailingSpace: false);
        Line(2, "HA1 Control Links Joint Configuration:");
        Line(3, "Encryption Enabled: no");
        Line(2, "Election Option Information:");
        Line(3, "Priority: " + view.Local.Priority.ToString(CultureInfo.InvariantCulture));
        Line(3, "Preemptive: " + YesNo(view.Local.Preemptive));
        Compatibility(Line);
        Line(2, "State Synchronization: Complete; type: ethernet");
        Line(1, "Peer Information:");
        Line(2, "Connection status: up");
        Member(view, view.Peer, Line, withModel: false, trailingSpace: false);
        Line(3, "Connection up; Primary HA1 link");
        Line(3, "Keep-alive config off; status up; Primary HA2 Link");
        Line(4, "Monitor Hold inactive; Allow settling after failure");
        Line(2, "Election Option Information:");
        Line(3, "Priority: " + view.Peer.Priority.ToString(CultureInfo.InvariantCulture));
        Line(3, "Preemptive: " + YesNo(view.Peer.Preemptive));
        Line(1, "Configuration Synchronization:");
        Line(2, "Enabled: yes");
        Line(2, "Running Configuration: synchronized");
        return text.ToString();
    }

    private static void Member(HighAvailabilityView view, HaMemberView member, Action<int, string> line, bool withModel, bool trailingSpace)
    {
        line(2, "Version: 1");
        line(2, "Mode: " + view.Mode);
        line(2, $"State: {member.State} (last {member.Since})");
        line(2, "Device Information:");
        if (withModel)
        {
            line(3, "Model: " + member.Model);
        }

        line(3, "Management IPv4 Address: " + member.ManagementIpv4);
        line(3, "Management IPv6 Address:" + (member.ManagementIpv6.Length > 0 || trailingSpace ? " " + member.ManagementIpv6 : string.Empty));
        line(3, $"Jumbo-Frames {(view.JumboFrames ? "enabled" : "disabled")}; MTU 1500");
    }

    private static void Versions(HaVersionView versions, Action<int, string> line)
    {
        line(2, "Version Information:");
        line(3, "Build Release: " + versions.BuildRelease);
        line(3, "URL Database: " + versions.UrlDatabase);
        line(3, "Application Content: " + versions.ApplicationContent);
        line(3, "Anti-Virus: " + versions.AntiVirus);
        line(3, "Threat Content: " + versions.ThreatContent);
        line(3, "VPN Client Software: " + versions.VpnClientSoftware);
        line(3, "Global Protect Client Software: " + versions.GlobalProtectClientSoftware);
    }

    private static void Compatibility(Action<int, string> line)
    {
        line(2, "Version Compatibility:");
        line(3, "Software Version: Match");
        line(3, "Application Content Compatibility: Match");
        line(3, "Anti-Virus Compatibility: Match");
        line(3, "Threat Content Compatibility: Match");
        line(3, "VPN Client Software Compatibility: Match");
        line(3, "Global Protect Client Software Compatibility: Match");
    }

    private static string YesNo(bool value) => value ? "yes" : "no";
}
