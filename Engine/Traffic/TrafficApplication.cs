namespace VirtualFirewall.Engine.Traffic;

/// <summary>
/// One application of a traffic flow's mix: its App-ID name, IP protocol and server port, how often it
/// is chosen (<see cref="Weight"/>, relative to the other applications of the flow), and the shape of
/// its sessions: how long they carry traffic, how often and how much.
/// </summary>
/// <param name="Name">The App-ID name (`ssl`, `web-browsing`, `dns`, `ping`, `incomplete`, ...).</param>
/// <param name="Protocol">6 TCP, 17 UDP, 1 ICMP.</param>
/// <param name="Port">The server port; for ICMP 0 (the session's ports are then the ICMP id and sequence).</param>
/// <param name="Weight">The relative frequency within the flow; 0 never chooses it.</param>
public sealed record TrafficApplication(string Name, int Protocol, int Port, int Weight)
{
    /// <summary>The shortest time a session carries traffic, from open to its last exchange.</summary>
    public double MinLifetimeSeconds { get; init; } = 1;

    /// <summary>The longest; lifetimes between lean towards the short end, as real sessions do.</summary>
    public double MaxLifetimeSeconds { get; init; } = 60;

    /// <summary>The typical gap between two request/response exchanges.</summary>
    public double ExchangeSeconds { get; init; } = 5;

    /// <summary>The typical size of a client packet, in bytes on the wire.</summary>
    public int ClientPacketBytes { get; init; } = 180;

    /// <summary>The typical size of a server packet.</summary>
    public int ServerPacketBytes { get; init; } = 900;

    /// <summary>At most this many server packets answer one exchange (at least one).</summary>
    public int ServerPacketsPerExchange { get; init; } = 3;

    /// <summary>The application's session timeout once established (`ssl` 1800), or null for the protocol default.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>The security rule when it is not the flow's (`allow-dns` within trust to untrust).</summary>
    public string? Rule { get; init; }

    /// <summary>The servers when they are not the flow's destinations (the DNS resolvers, the NTP servers).</summary>
    public AddressPool? Destinations { get; init; }

    /// <summary>
    /// False for `incomplete`: a TCP session whose handshake never completes; it sends SYNs, stays
    /// OPENING and ages out at the handshake timeout, or the server resets it.
    /// </summary>
    public bool CompletesHandshake { get; init; } = true;

    /// <summary>True for `ftp`: the control session opens a predict session for its data connection.</summary>
    public bool OpensPredict { get; init; }
}
