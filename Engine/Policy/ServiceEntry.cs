namespace VirtualFirewall.Engine.Policy;

/// <summary>
/// One protocol and destination-port specification of a service or of an application's default
/// ports: `tcp` `80`, `udp` `6881-6889`, `icmp` `any`, or `any` `any`.
/// </summary>
public sealed record ServiceEntry(string Protocol, string Ports, string SourcePorts = "any")
{
    public static ServiceEntry AnyProtocol { get; } = new("any", "any");

    public bool Matches(int protocol, int? port)
    {
        var protocolMatches = Protocol switch
        {
            "any" => true,
            "tcp" => protocol == 6,
            "udp" => protocol == 17,
            "icmp" => protocol == 1,
            _ => false,
        };
        return protocolMatches && (port is null || PortsContain(Ports, port.Value));
    }

    /// <summary>`protocol/source-ports/ports`, as the running policy prints a service.</summary>
    public override string ToString() => Protocol + "/" + SourcePorts + "/" + Ports;

    private static bool PortsContain(string ports, int port)
    {
        if (string.Equals(ports, "any", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var part in ports.Split(','))
        {
            var bounds = part.Split('-');
            if (int.TryParse(bounds[0], System.Globalization.CultureInfo.InvariantCulture, out var low)
                && int.TryParse(bounds[^1], System.Globalization.CultureInfo.InvariantCulture, out var high)
                && port >= low && port <= high)
            {
                return true;
            }
        }

        return false;
    }
}
