using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Configuration;

namespace VirtualFirewall.Tests.Reliability;

/// <summary>The address objects of a configuration tree: name to its `ip-netmask` (null when the entry has none).</summary>
internal static class AddressBook
{
    public static Dictionary<string, string?> Read(ConfigElement root)
    {
        var addresses = new Dictionary<string, string?>(StringComparer.Ordinal);
        Collect(root, addresses);
        return addresses;
    }

    /// <summary>The running and candidate address books, read together under the device lock.</summary>
    public static (Dictionary<string, string?> Running, Dictionary<string, string?> Candidate) Of(Device device) =>
        device.Locked(d => (Read(d.Configuration.Running), Read(d.Configuration.Candidate)));

    private static void Collect(ConfigElement element, Dictionary<string, string?> addresses)
    {
        if (!element.IsEntry && string.Equals(element.Name, "address", StringComparison.Ordinal))
        {
            foreach (var entry in element.Children.Where(c => c.IsEntry))
            {
                addresses[entry.Name] = entry.Child("ip-netmask")?.Value;
            }

            return;
        }

        foreach (var child in element.Children)
        {
            Collect(child, addresses);
        }
    }
}
