using System.Globalization;
using static System.FormattableString;

namespace VirtualFirewall.Emulator.Inventory;

/// <summary>
/// Which devices one emulator process serves. A fleet is cut into slices of <c>n</c> devices, one per
/// process (on Kubernetes, one per StatefulSet pod): the process at offset <c>o</c> serves the global
/// indices [o, o + n). Hostnames are global, so unique in the fleet; ports are local to the process,
/// because every pod has its own address. Pure: the same arguments always give the same plan.
/// </summary>
public static class InventoryPlan
{
    /// <summary>The highest TCP port.</summary>
    public const int MaxPort = 65535;

    /// <summary>
    /// The devices of one process: for i in [0, count), global index <c>offset + i</c>, hostname
    /// <c>{prefix}-{offset + i + 1:D3}</c>, SSH port <c>sshBasePort + i</c> and Telnet port
    /// <c>telnetBasePort + i</c>.
    /// </summary>
    /// <param name="count">How many devices this process serves (<c>--devices</c>), at least 1.</param>
    /// <param name="offset">The global index of this process's first device (<c>--devices-offset</c>), 0 or more.</param>
    /// <param name="hostnamePrefix">The hostname before the device number, such as <c>PA-VM</c>.</param>
    /// <param name="sshBasePort">The first device's SSH port (<c>--ssh-port</c>), or null when SSH is not served. 0 (a port the OS picks) only for a single device.</param>
    /// <param name="telnetBasePort">The first device's Telnet port (<c>--telnet-port</c>), or null when Telnet is not served. 0 only for a single device.</param>
    /// <returns>The devices, in slot order.</returns>
    /// <exception cref="ArgumentException">The options do not make a plan; the message says which and what to change.</exception>
    public static IReadOnlyList<PlannedDevice> Create(int count, int offset, string hostnamePrefix, int? sshBasePort, int? telnetBasePort)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostnamePrefix);
        CheckCount(count);
        if (offset < 0)
        {
            throw new ArgumentException(Invariant($"--devices-offset must be 0 or more (got {offset})."));
        }

        if ((long)offset + count > int.MaxValue)
        {
            throw new ArgumentException(Invariant($"--devices-offset {offset} with --devices {count} passes the highest device number ({int.MaxValue}): lower --devices-offset or --devices."));
        }

        CheckPorts("--ssh-port", "SSH", sshBasePort, count);
        CheckPorts("--telnet-port", "Telnet", telnetBasePort, count);
        CheckOverlap(count, sshBasePort, telnetBasePort);

        var devices = new PlannedDevice[count];
        for (var slot = 0; slot < count; slot++)
        {
            var index = offset + slot;
            devices[slot] = new PlannedDevice(index, slot, HostnameFor(hostnamePrefix, index), sshBasePort + slot, telnetBasePort + slot);
        }

        return Array.AsReadOnly(devices);
    }

    /// <summary>The hostname of the device with this global index: <c>{prefix}-{index + 1:D3}</c>, such as <c>PA-VM-001</c> for index 0 and <c>PA-VM-1000</c> for 999.</summary>
    /// <param name="hostnamePrefix">The hostname before the device number.</param>
    /// <param name="index">The device's 0-based global index.</param>
    /// <returns>The hostname.</returns>
    public static string HostnameFor(string hostnamePrefix, int index)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostnamePrefix);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfEqual(index, int.MaxValue);
        return string.Create(CultureInfo.InvariantCulture, $"{hostnamePrefix}-{index + 1:D3}");
    }

    /// <summary>
    /// The StatefulSet ordinal at the end of a pod's hostname: 12 for <c>vfw-12</c> (or
    /// <c>vfw-12.vfw.lab.svc.cluster.local</c>).
    /// </summary>
    /// <param name="hostname">The pod's hostname, as <c>$HOSTNAME</c> gives it.</param>
    /// <returns>The ordinal, 0 or more.</returns>
    /// <exception cref="ArgumentException">The hostname does not end in <c>-&lt;digits&gt;</c>.</exception>
    public static int OrdinalFromHostname(string hostname)
    {
        ArgumentNullException.ThrowIfNull(hostname);
        var name = hostname.Trim();
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            name = name[..dot];
        }

        var dash = name.LastIndexOf('-');
        var digits = dash > 0 ? name[(dash + 1)..] : string.Empty;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException(Invariant($"--devices-offset-from-hostname: the hostname '{hostname}' does not end in a StatefulSet ordinal (as the 3 of vfw-3); run it in a StatefulSet pod or give --devices-offset instead."));
        }

        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal))
        {
            throw new ArgumentException(Invariant($"--devices-offset-from-hostname: the ordinal {digits} of the hostname '{hostname}' is too large."));
        }

        return ordinal;
    }

    /// <summary>The global index of the first device of the pod with this ordinal: <c>ordinal × devicesPerPod</c>.</summary>
    /// <param name="ordinal">The pod's StatefulSet ordinal, 0 or more.</param>
    /// <param name="devicesPerPod">The devices of each pod (<c>--devices</c>), at least 1.</param>
    /// <returns>The offset, such that the pod's slice [offset, offset + devicesPerPod) fits in an <see cref="int"/>.</returns>
    /// <exception cref="ArgumentException">An argument is out of range, or the slice would pass the highest device number.</exception>
    public static int OffsetFor(int ordinal, int devicesPerPod)
    {
        if (ordinal < 0)
        {
            throw new ArgumentException(Invariant($"the pod ordinal must be 0 or more (got {ordinal})."));
        }

        CheckCount(devicesPerPod);
        var offset = (long)ordinal * devicesPerPod;
        if (offset + devicesPerPod > int.MaxValue)
        {
            throw new ArgumentException(Invariant($"pod {ordinal} with --devices {devicesPerPod} would serve devices past the highest device number ({int.MaxValue}): lower --devices or the number of pods."));
        }

        return (int)offset;
    }

    private static void CheckCount(int count)
    {
        if (count < 1)
        {
            throw new ArgumentException(Invariant($"--devices must be at least 1 (got {count})."));
        }
    }

    private static void CheckPorts(string option, string protocol, int? basePort, int count)
    {
        if (basePort is not { } port)
        {
            return;
        }

        if (port is < 0 or > MaxPort)
        {
            throw new ArgumentException(Invariant($"{option} must be between 0 and {MaxPort} (got {port})."));
        }

        if (port == 0 && count > 1)
        {
            throw new ArgumentException(Invariant($"{option} 0 (a port the OS picks) serves a single device; with --devices {count} give a base port: device i listens on it + i."));
        }

        if ((long)port + count - 1 > MaxPort)
        {
            throw new ArgumentException(Invariant($"{option} {port} with --devices {count} needs the {protocol} ports {Range(port, count)}, past {MaxPort}: lower {option} or --devices."));
        }
    }

    private static void CheckOverlap(int count, int? sshBasePort, int? telnetBasePort)
    {
        if (sshBasePort is not (> 0 and var ssh) || telnetBasePort is not (> 0 and var telnet) || ssh >= telnet + count || telnet >= ssh + count)
        {
            return;
        }

        // Suggest the Telnet range right after the SSH range, or right before it when that passes 65535.
        var example = ssh + count + count - 1 <= MaxPort ? ssh + count : ssh - count >= 1 ? ssh - count : (int?)null;
        var move = example is { } port ? Invariant($"move --telnet-port (for example --telnet-port {port})") : "move --telnet-port";
        throw new ArgumentException(Invariant($"--ssh-port {ssh} and --telnet-port {telnet} with --devices {count} give overlapping ports (SSH {Range(ssh, count)}, Telnet {Range(telnet, count)}): {move} or use --no-telnet."));
    }

    private static string Range(int first, int count) =>
        count == 1 ? first.ToString(CultureInfo.InvariantCulture) : Invariant($"{first}-{(long)first + count - 1}");
}
