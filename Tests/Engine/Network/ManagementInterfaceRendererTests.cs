using VirtualFirewall.Engine.Network;
using VirtualFirewall.Engine.Rendering.Network;
using VirtualFirewall.Engine.State;
using static VirtualFirewall.Tests.Engine.Network.NetworkSamples;

namespace VirtualFirewall.Tests.Engine.Network;

[TestFixture]
public sealed class ManagementInterfaceRendererTests
{
    /// <summary>show_interface_management1.raw, every byte.</summary>
    [Test]
    public void MatchesTheSample()
    {
        var identity = new DeviceIdentity
        {
            MacAddress = "08:66:1f:02:04:a3",
            IpAddress = "10.0.1.5",
            Netmask = "255.255.255.0",
            DefaultGateway = "10.0.1.1",
            Ipv6Address = "unknown",
            Ipv6LinkLocalAddress = "fe80::a66:1fff:fe02:4a3/64",
            Ipv6DefaultGateway = string.Empty,
        };
        var port = new ManagementInterface
        {
            BytesReceived = 264_279_971,
            BytesTransmitted = 238_725_455,
            PacketsReceived = 279_836,
            PacketsTransmitted = 291_248,
        };

        Assert.That(ManagementInterfaceRenderer.Render(port, identity), Is.EqualTo(Read("paloalto_panos_show_interface_management.raw")));
    }
}
