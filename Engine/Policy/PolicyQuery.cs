using System.Net;

namespace VirtualFirewall.Engine.Policy;

/// <summary>
/// What a security policy lookup knows of a session: zones (null matches any zone), pre-NAT addresses,
/// IP protocol, destination port (null for any), and the application and user when known.
/// </summary>
public sealed record PolicyQuery(string? FromZone, string? ToZone, IPAddress Source, IPAddress Destination, int Protocol, int? DestinationPort)
{
    /// <summary>The App-ID; null or an unidentified name (`incomplete`) before App-ID has decided.</summary>
    public string? Application { get; init; }

    public string? SourceUser { get; init; }
}
