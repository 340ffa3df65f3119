using System.Globalization;
using VirtualFirewall.Engine.Network;
using VirtualFirewall.Engine.Rendering.Network;
using static VirtualFirewall.Tests.Engine.Network.NetworkSamples;

namespace VirtualFirewall.Tests.Engine.Network;

[TestFixture]
public sealed class LldpRendererTests
{
    /// <summary>Each sample, every byte: neighbours with and without management addresses, multi-line descriptions, silent ports.</summary>
    [TestCase("paloalto_panos_show_lldp_neighbors_all.raw", 12)]
    [TestCase("paloalto_panos_show_lldp_neighbors_all2.raw", 12)]
    [TestCase("paloalto_panos_show_lldp_neighbors_all4.raw", 6)]
    public void MatchesTheSample(string sample, int ports)
    {
        var neighbors = Parse(Read(sample));

        Assert.That(neighbors, Has.Count.EqualTo(ports));
        Assert.That(LldpRenderer.Render(neighbors), Is.EqualTo(Read(sample)));
    }

    /// <summary>Builds the records a sample shows, from its `label: value` lines.</summary>
    private static List<LldpNeighbor> Parse(string text)
    {
        var result = new List<LldpNeighbor>();
        var blocks = text.Split("Local information:\n", StringSplitOptions.RemoveEmptyEntries);
        foreach (var block in blocks)
        {
            var lines = block.Split('\n');
            string Value(string label) =>
                lines.Where(l => l.StartsWith(label + ":", StringComparison.Ordinal)).Select(l => l[(label.Length + 1)..].Trim()).FirstOrDefault() ?? string.Empty;

            var neighbor = new LldpNeighbor(Value("Local interface"), int.Parse(lines[0]["Index ".Length..], CultureInfo.InvariantCulture), Value("Local Port ID"));
            if (Array.Exists(lines, l => l.StartsWith("Chassis ID:", StringComparison.Ordinal)))
            {
                var from = Array.FindIndex(lines, l => l.StartsWith("System description:", StringComparison.Ordinal));
                var to = Array.FindIndex(lines, l => l.StartsWith("System capabilities:", StringComparison.Ordinal));
                var description = string.Join('\n', lines[from..to]).Substring("System description:".Length).TrimStart(' ');
                var address = Value("Management address");
                neighbor = neighbor with
                {
                    Remote = new LldpRemote(Value("Chassis ID"), Value("Port ID"))
                    {
                        ChassisType = Value("Chassis type"),
                        PortType = Value("Port type"),
                        PortDescription = Value("Port description"),
                        Ttl = int.Parse(Value("TTL"), CultureInfo.InvariantCulture),
                        SystemName = Value("System name"),
                        SystemDescription = description,
                        SupportedCapabilities = Value("Supported"),
                        EnabledCapabilities = Value("Enabled"),
                        Management = address.Length == 0 ? null : new LldpManagementAddress(address)
                        {
                            AddressType = Value("Management address type"),
                            InterfaceNumber = long.Parse(Value("Interface number"), CultureInfo.InvariantCulture),
                            InterfaceType = Value("Interface type"),
                            Oid = Value("oid"),
                        },
                    },
                };
            }

            result.Add(neighbor);
        }

        return result;
    }
}
