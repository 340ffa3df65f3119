using System.Globalization;
using System.Text;
using VirtualFirewall.Engine.Network;
using VirtualFirewall.Engine.State;

namespace VirtualFirewall.Engine.Rendering.Network;

/// <summary>
/// `show interface management`, laid out as show_interface_management1.raw (79-dash rules, two
/// blank lines before each block, counter values at column 34). Addresses come from the identity.
/// </summary>
public static class ManagementInterfaceRenderer
{
    private const string Rule = "-------------------------------------------------------------------------------";

    public static string Render(ManagementInterface port, DeviceIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(identity);
        var text = new StringBuilder();
        text.Append("\n\n").Append(Rule).Append('\n');
        text.Append("Name: Management Interface\n");
        text.Append("Link status:\n");
        text.Append("  Runtime link speed/duplex/state: ").Append(port.RuntimeLink).Append('\n');
        text.Append("  Configured link speed/duplex/state: ").Append(port.ConfiguredLink).Append('\n');
        text.Append("MAC address:\n");
        text.Append("  Port MAC address ").Append(identity.MacAddress.ToLowerInvariant()).Append("\n\n");
        text.Append("Ip address: ").Append(identity.IpAddress).Append('\n');
        text.Append("Netmask: ").Append(identity.Netmask).Append('\n');
        text.Append("Default gateway: ").Append(identity.DefaultGateway).Append('\n');
        text.Append("Ipv6 address: ").Append(identity.Ipv6Address).Append('\n');
        text.Append("Ipv6 link local address: ").Append(identity.Ipv6LinkLocalAddress).Append('\n');
        text.Append("Ipv6 default gateway:").Append(identity.Ipv6DefaultGateway.Length == 0 ? string.Empty : " " + identity.Ipv6DefaultGateway).Append('\n');
        text.Append(Rule).Append("\n\n\n").Append(Rule).Append('\n');
        text.Append("Logical interface counters:\n").Append(Rule).Append('\n');
        Counter(text, "bytes received", port.BytesReceived);
        Counter(text, "bytes transmitted", port.BytesTransmitted);
        Counter(text, "packets received", port.PacketsReceived);
        Counter(text, "packets transmitted", port.PacketsTransmitted);
        Counter(text, "receive errors", port.ReceiveErrors);
        Counter(text, "transmit errors", port.TransmitErrors);
        Counter(text, "receive packets dropped", port.ReceivePacketsDropped);
        Counter(text, "transmit packets dropped", port.TransmitPacketsDropped);
        Counter(text, "multicast packets received", port.MulticastPacketsReceived);
        text.Append(Rule).Append('\n');
        return text.ToString();
    }

    private static void Counter(StringBuilder text, string name, long value) =>
        text.Append(name.PadRight(34)).Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
