using VirtualFirewall.Engine.Network;
using VirtualFirewall.Engine.Rendering.Network;
using static VirtualFirewall.Tests.Engine.Network.NetworkSamples;

namespace VirtualFirewall.Tests.Engine.Network;

[TestFixture]
public sealed class NeighborTableRendererTests
{
    /// <summary>paloalto_panos_show_arp_all.raw, every byte; it counts 5 entries but shows 4.</summary>
    [Test]
    public void ArpMatchesTheSample()
    {
        ArpEntry[] entries =
        [
            new("ethernet1/1", "172.25.1.254", "08:30:6b:26:43:30", "ethernet1/1") { Ttl = 627 },
            new("vlan.1", "172.25.2.195", "00:50:00:00:07:00", "ethernet1/2.110") { Ttl = 1012 },
            new("vlan.1", "172.25.2.196", "00:50:00:00:08:00", "ethernet1/2.111") { Ttl = 1016 },
            new("vlan.1", "172.25.2.197", null, "ethernet1/2.111") { Ttl = 1016 },
        ];

        var text = NeighborTableRenderer.Arp(new NeighborTableView<ArpEntry>(1500, 1800, 5, entries) { ShownCount = 5 });

        Assert.That(text, Is.EqualTo(Read("paloalto_panos_show_arp_all.raw")));
    }

    /// <summary>paloalto_panos_show_mac_all.raw, every byte.</summary>
    [Test]
    public void MacMatchesTheSample()
    {
        MacEntry[] entries =
        [
            new("Test", "00:50:00:00:07:00", "ethernet1/2.110") { Ttl = 1778 },
            new("Test", "00:50:00:00:08:00", "ethernet1/2.111") { Ttl = 1796 },
            new("Test", "50:00:00:02:00:01", "ethernet1/2.110") { Ttl = 704 },
        ];

        var text = NeighborTableRenderer.Mac(new NeighborTableView<MacEntry>(1500, 1800, 3, entries));

        Assert.That(text, Is.EqualTo(Read("paloalto_panos_show_mac_all.raw")));
    }
}
