using VirtualFirewall.Engine.Configuration;

namespace VirtualFirewall.Engine.Policy;

/// <summary>
/// Resolves the names a rule uses against the objects of one configuration: address objects and
/// static address groups, service objects and service groups, and the predefined services. A name
/// that resolves to nothing (commit validation keeps these out of a running configuration) matches nothing.
/// </summary>
internal sealed class PolicyObjects(ConfigElement root)
{
    /// <summary>The services every PAN-OS device predefines.</summary>
    private static readonly Dictionary<string, ServiceEntry[]> Predefined = new(StringComparer.Ordinal)
    {
        ["service-http"] = [new("tcp", "80"), new("tcp", "8080")],
        ["service-https"] = [new("tcp", "443")],
    };

    private readonly ConfigElement? _addresses = root.Child("address");
    private readonly ConfigElement? _addressGroups = root.Child("address-group");
    private readonly ConfigElement? _services = root.Child("service");
    private readonly ConfigElement? _serviceGroups = root.Child("service-group");

    public AddressSet Addresses(IReadOnlyList<string> members)
    {
        if (members.Count == 0 || members.Contains("any", StringComparer.Ordinal))
        {
            return AddressSet.Any;
        }

        var ranges = new List<Ipv4Range>();
        var shown = new List<string>();
        foreach (var member in members)
        {
            AddAddress(member, ranges, shown, depth: 0);
        }

        return new AddressSet(false, ranges, shown);
    }

    /// <summary>The service entries of service objects and groups, in the order they are named.</summary>
    public List<ServiceEntry> Services(IEnumerable<string> members)
    {
        var entries = new List<ServiceEntry>();
        foreach (var member in members)
        {
            AddService(member, entries, depth: 0);
        }

        return entries;
    }

    /// <summary>The address an interface of the configuration has, without its prefix length.</summary>
    public string? InterfaceAddress(string name)
    {
        var ip = root.Child("network")?.Child("interface")?.Child("ethernet")?.Child(name)?.Child("layer3")?.Child("ip")?.Children.FirstOrDefault()?.Name;
        return ip?.Split('/')[0];
    }

    private void AddAddress(string name, List<Ipv4Range> ranges, List<string> shown, int depth)
    {
        if (Ipv4Range.TryParse(name, out var literal))
        {
            ranges.Add(literal);
            shown.Add(name);
            return;
        }

        if (_addresses?.Child(name) is { } address)
        {
            var value = address.Child("ip-netmask")?.Value ?? address.Child("ip-range")?.Value ?? address.Child("fqdn")?.Value ?? name;
            if (Ipv4Range.TryParse(value, out var range))
            {
                ranges.Add(range);
            }

            shown.Add(value);
            return;
        }

        // Groups may nest; a loop (which commit refuses) stops at a fixed depth.
        if (_addressGroups?.Child(name)?.Child("static") is { } group && depth < 16)
        {
            foreach (var member in group.Members)
            {
                AddAddress(member, ranges, shown, depth + 1);
            }

            return;
        }

        shown.Add(name);
    }

    private void AddService(string name, List<ServiceEntry> entries, int depth)
    {
        if (Predefined.TryGetValue(name, out var predefined))
        {
            entries.AddRange(predefined);
            return;
        }

        if (_services?.Child(name)?.Child("protocol") is { } protocol)
        {
            foreach (var kind in protocol.Children)
            {
                var sourcePorts = kind.Child("source-port")?.Value ?? "any";
                foreach (var ports in (kind.Child("port")?.Value ?? "any").Split(','))
                {
                    entries.Add(new ServiceEntry(kind.Name, ports, sourcePorts));
                }
            }

            return;
        }

        if (_serviceGroups?.Child(name)?.Child("members") is { } group && depth < 16)
        {
            foreach (var member in group.Members)
            {
                AddService(member, entries, depth + 1);
            }
        }
    }
}
