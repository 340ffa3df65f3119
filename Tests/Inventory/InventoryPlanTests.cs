using VirtualFirewall.Emulator.Inventory;

namespace VirtualFirewall.Tests.Inventory;

/// <summary>
/// The fleet's slicing: pods of n devices together serve every device of the fleet exactly once, and
/// device k's name and ports depend only on k and n.
/// </summary>
[TestFixture]
public sealed class InventoryPlanTests
{
    private const string Prefix = "PA-VM";

    [TestCase(1000, 250)]
    [TestCase(1000, 300)]
    [TestCase(10, 3)]
    [TestCase(7, 7)]
    [TestCase(1, 1)]
    public void Pods_serve_every_device_of_the_fleet_exactly_once(int fleet, int perPod)
    {
        var pods = Slice(fleet, perPod);

        var indices = pods.SelectMany(pod => pod).Select(device => device.Index).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(pods, Has.Count.EqualTo((fleet + perPod - 1) / perPod));
            Assert.That(indices, Is.EqualTo(Enumerable.Range(0, fleet)), "every global index once, in order");
            Assert.That(pods.SelectMany(pod => pod).Select(device => device.Hostname), Is.Unique);
            Assert.That(pods.Take(pods.Count - 1), Has.All.Count.EqualTo(perPod), "all pods but the last are full");
            Assert.That(pods[^1], Has.Count.EqualTo(fleet - (perPod * (pods.Count - 1))));
        });
    }

    [Test]
    public void A_thousand_devices_over_four_pods_of_250()
    {
        var pods = Slice(1000, 250);

        Assert.Multiple(() =>
        {
            for (var ordinal = 0; ordinal < 4; ordinal++)
            {
                var pod = pods[ordinal];
                Assert.That(pod.Select(d => d.Index), Is.EqualTo(Enumerable.Range(ordinal * 250, 250)), $"pod {ordinal}");
                Assert.That(pod.Select(d => d.SshPort), Is.EqualTo(Enumerable.Range(2222, 250).Select(p => (int?)p)), $"pod {ordinal}: SSH ports are local");
                Assert.That(pod.Select(d => d.TelnetPort), Is.EqualTo(Enumerable.Range(3222, 250).Select(p => (int?)p)), $"pod {ordinal}: Telnet ports are local");
                Assert.That(pod.Select(d => d.Slot), Is.EqualTo(Enumerable.Range(0, 250)));
            }

            Assert.That(pods[0][0].Hostname, Is.EqualTo("PA-VM-001"));
            Assert.That(pods[0][^1].Hostname, Is.EqualTo("PA-VM-250"));
            Assert.That(pods[1][0].Hostname, Is.EqualTo("PA-VM-251"));
            Assert.That(pods[3][^1].Hostname, Is.EqualTo("PA-VM-1000"));
        });
    }

    [Test]
    public void The_same_call_gives_the_same_plan()
    {
        var first = InventoryPlan.Create(250, 500, Prefix, 2222, 3222);
        var second = InventoryPlan.Create(250, 500, Prefix, 2222, 3222);

        Assert.That(second, Is.EqualTo(first));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(249)]
    [TestCase(250)]
    [TestCase(777)]
    [TestCase(999)]
    public void Name_and_ports_of_device_k_depend_only_on_k_and_n(int k)
    {
        const int n = 250;
        var pod = k / n;
        // The pod may be the last, partly filled one: its size does not move its devices.
        foreach (var podSize in new[] { n, (k % n) + 1 })
        {
            var device = InventoryPlan.Create(podSize, InventoryPlan.OffsetFor(pod, n), Prefix, 2222, 3222)[k % n];

            Assert.That(device, Is.EqualTo(new PlannedDevice(k, k % n, InventoryPlan.HostnameFor(Prefix, k), 2222 + (k % n), 3222 + (k % n))), $"pod of {podSize}");
        }
    }

    [TestCase(0, "PA-VM-001")]
    [TestCase(9, "PA-VM-010")]
    [TestCase(98, "PA-VM-099")]
    [TestCase(998, "PA-VM-999")]
    [TestCase(999, "PA-VM-1000")]
    [TestCase(12344, "PA-VM-12345")]
    [TestCase(int.MaxValue - 1, "PA-VM-2147483647")]
    public void Hostnames_have_at_least_three_digits(int index, string expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(InventoryPlan.Create(1, index, Prefix, 2222, 2323)[0].Hostname, Is.EqualTo(expected));
            Assert.That(InventoryPlan.HostnameFor(Prefix, index), Is.EqualTo(expected));
        });
    }

    [Test]
    public void Without_ssh_or_telnet_the_ports_are_null()
    {
        var devices = InventoryPlan.Create(3, 0, Prefix, null, 2323);

        Assert.Multiple(() =>
        {
            Assert.That(devices.Select(d => d.SshPort), Has.All.Null);
            Assert.That(devices.Select(d => d.TelnetPort), Is.EqualTo(new int?[] { 2323, 2324, 2325 }));
        });
    }

    [TestCase(0, 0)]
    [TestCase(0, 2323)]
    [TestCase(2222, 0)]
    public void Port_0_is_allowed_for_a_single_device(int ssh, int telnet)
    {
        var device = InventoryPlan.Create(1, 0, Prefix, ssh, telnet).Single();

        Assert.Multiple(() =>
        {
            Assert.That(device.SshPort, Is.EqualTo(ssh));
            Assert.That(device.TelnetPort, Is.EqualTo(telnet));
        });
    }

    [TestCase(101, 2222, 2323)]
    [TestCase(1000, 2222, 3222)]
    [TestCase(100, 65436, 2323)]
    [TestCase(5, 2323, 2222)]
    public void Ranges_that_touch_without_overlapping_are_allowed(int count, int ssh, int telnet) =>
        Assert.That(InventoryPlan.Create(count, 0, Prefix, ssh, telnet), Has.Count.EqualTo(count));

    [TestCase(0, 0, 2222, 2323, "--devices must be at least 1 (got 0).")]
    [TestCase(-5, 0, 2222, 2323, "--devices must be at least 1 (got -5).")]
    [TestCase(1, -1, 2222, 2323, "--devices-offset must be 0 or more (got -1).")]
    [TestCase(2, int.MaxValue - 1, 2222, 2323, "--devices-offset 2147483646 with --devices 2 passes the highest device number (2147483647): lower --devices-offset or --devices.")]
    [TestCase(1, 0, 70000, 2323, "--ssh-port must be between 0 and 65535 (got 70000).")]
    [TestCase(1, 0, 2222, -1, "--telnet-port must be between 0 and 65535 (got -1).")]
    [TestCase(100, 0, 65500, 2323, "--ssh-port 65500 with --devices 100 needs the SSH ports 65500-65599, past 65535: lower --ssh-port or --devices.")]
    [TestCase(100, 0, 2222, 65437, "--telnet-port 65437 with --devices 100 needs the Telnet ports 65437-65536, past 65535: lower --telnet-port or --devices.")]
    [TestCase(2, 0, 0, 2323, "--ssh-port 0 (a port the OS picks) serves a single device; with --devices 2 give a base port: device i listens on it + i.")]
    [TestCase(5, 0, 2222, 0, "--telnet-port 0 (a port the OS picks) serves a single device; with --devices 5 give a base port: device i listens on it + i.")]
    [TestCase(102, 0, 2222, 2323, "--ssh-port 2222 and --telnet-port 2323 with --devices 102 give overlapping ports (SSH 2222-2323, Telnet 2323-2424): move --telnet-port (for example --telnet-port 2324) or use --no-telnet.")]
    [TestCase(250, 0, 2222, 2323, "--ssh-port 2222 and --telnet-port 2323 with --devices 250 give overlapping ports (SSH 2222-2471, Telnet 2323-2572): move --telnet-port (for example --telnet-port 2472) or use --no-telnet.")]
    [TestCase(1, 0, 2222, 2222, "--ssh-port 2222 and --telnet-port 2222 with --devices 1 give overlapping ports (SSH 2222, Telnet 2222): move --telnet-port (for example --telnet-port 2223) or use --no-telnet.")]
    [TestCase(10, 0, 65526, 65520, "--ssh-port 65526 and --telnet-port 65520 with --devices 10 give overlapping ports (SSH 65526-65535, Telnet 65520-65529): move --telnet-port (for example --telnet-port 65516) or use --no-telnet.")]
    public void Plans_that_cannot_work_are_refused_with_the_option_to_change(int count, int offset, int ssh, int telnet, string message) =>
        Assert.That(() => InventoryPlan.Create(count, offset, Prefix, ssh, telnet), Throws.ArgumentException.With.Message.EqualTo(message));

    [TestCase("")]
    [TestCase(" ")]
    public void A_blank_hostname_prefix_is_refused(string prefix) =>
        Assert.That(() => InventoryPlan.Create(1, 0, prefix, 2222, 2323), Throws.ArgumentException);

    [TestCase("vfw-0", 0)]
    [TestCase("vfw-3", 3)]
    [TestCase("vfw-12", 12)]
    [TestCase("lab-fleet-250", 250)]
    [TestCase("vfw-3.vfw.lab.svc.cluster.local", 3)]
    [TestCase("vfw-2147483647", int.MaxValue)]
    public void The_ordinal_is_the_number_after_the_last_dash(string hostname, int ordinal) =>
        Assert.That(InventoryPlan.OrdinalFromHostname(hostname), Is.EqualTo(ordinal));

    [TestCase("vfw")]
    [TestCase("vfw-")]
    [TestCase("-3")]
    [TestCase("")]
    [TestCase("vfw-3a")]
    [TestCase("vfw-+3")]
    [TestCase("vfw-\u0663")]
    [TestCase("vfw3")]
    [TestCase("vfw.3")]
    public void A_hostname_without_an_ordinal_is_refused(string hostname) =>
        Assert.That(
            () => InventoryPlan.OrdinalFromHostname(hostname),
            Throws.ArgumentException.With.Message.EqualTo($"--devices-offset-from-hostname: the hostname '{hostname}' does not end in a StatefulSet ordinal (as the 3 of vfw-3); run it in a StatefulSet pod or give --devices-offset instead."));

    [Test]
    public void An_ordinal_too_large_is_refused() =>
        Assert.That(
            () => InventoryPlan.OrdinalFromHostname("vfw-2147483648"),
            Throws.ArgumentException.With.Message.EqualTo("--devices-offset-from-hostname: the ordinal 2147483648 of the hostname 'vfw-2147483648' is too large."));

    [TestCase(0, 250, 0)]
    [TestCase(3, 250, 750)]
    [TestCase(1, 1, 1)]
    [TestCase(2, int.MaxValue / 3, int.MaxValue / 3 * 2)]
    public void The_offset_is_the_ordinal_times_the_devices_per_pod(int ordinal, int perPod, int offset) =>
        Assert.That(InventoryPlan.OffsetFor(ordinal, perPod), Is.EqualTo(offset));

    [TestCase(-1, 250, "the pod ordinal must be 0 or more (got -1).")]
    [TestCase(0, 0, "--devices must be at least 1 (got 0).")]
    [TestCase(8589934, 250, "pod 8589934 with --devices 250 would serve devices past the highest device number (2147483647): lower --devices or the number of pods.")]
    [TestCase(int.MaxValue, 1000, "pod 2147483647 with --devices 1000 would serve devices past the highest device number (2147483647): lower --devices or the number of pods.")]
    public void Offsets_past_the_highest_device_number_are_refused(int ordinal, int perPod, string message) =>
        Assert.That(() => InventoryPlan.OffsetFor(ordinal, perPod), Throws.ArgumentException.With.Message.EqualTo(message));

    /// <summary>The plans of the pods serving a fleet, the last one holding what is left.</summary>
    private static List<IReadOnlyList<PlannedDevice>> Slice(int fleet, int perPod)
    {
        var pods = new List<IReadOnlyList<PlannedDevice>>();
        for (var ordinal = 0; ordinal * perPod < fleet; ordinal++)
        {
            var offset = InventoryPlan.OffsetFor(ordinal, perPod);
            pods.Add(InventoryPlan.Create(Math.Min(perPod, fleet - offset), offset, Prefix, 2222, 3222));
        }

        return pods;
    }
}
