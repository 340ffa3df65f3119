using System.Text.Json;

namespace VirtualFirewall.Emulator.Control;

/// <summary>
/// The body of <c>POST /devices/{name}/sessions</c>: a session with the keys of a device description's
/// <c>sessions</c> entries, opened at once (no <c>open-at</c>, <c>traffic</c> or <c>end</c>: the API does those).
/// Every member is nullable so that a missing field can be named; the defaults are the description's.
/// </summary>
public sealed record SessionRequest
{
    /// <summary>The session id (1 to 4294967295); null takes the next free one.</summary>
    public long? Id { get; init; }

    /// <summary>The source zone (required).</summary>
    public string? From { get; init; }

    /// <summary>The destination zone (required).</summary>
    public string? To { get; init; }

    /// <summary>The client's address (required).</summary>
    public string? Source { get; init; }

    /// <summary>Required for TCP and UDP; 0 otherwise when missing.</summary>
    public long? SourcePort { get; init; }

    /// <summary>The server's address as the client sent it (required).</summary>
    public string? Destination { get; init; }

    /// <summary>Required for TCP and UDP; 0 otherwise when missing.</summary>
    public long? DestinationPort { get; init; }

    /// <summary><c>tcp</c> (the default), <c>udp</c>, <c>icmp</c> or a protocol number, as a string or a number.</summary>
    public JsonElement? Protocol { get; init; }

    public string? Application { get; init; }

    public string? Rule { get; init; }

    /// <summary><c>allow</c> (the default), <c>deny</c> or <c>drop</c>: a deny or drop discards the session at once.</summary>
    public string? Action { get; init; }

    public string? NatSource { get; init; }

    public long? NatSourcePort { get; init; }

    public string? NatDestination { get; init; }

    public long? NatDestinationPort { get; init; }

    public string? NatRule { get; init; }

    /// <summary>The interface the session came in on; null for the one in the <c>from</c> zone.</summary>
    public string? IngressInterface { get; init; }

    /// <summary>The interface it leaves by; null for the one in the <c>to</c> zone.</summary>
    public string? EgressInterface { get; init; }

    public string? SourceUser { get; init; }

    public string? DestinationUser { get; init; }

    /// <summary>False leaves a TCP session in its handshake (OPENING); true by default.</summary>
    public bool? Established { get; init; }

    /// <summary>True by default: the session writes a traffic-log entry when it ends.</summary>
    public bool? LogAtEnd { get; init; }

    /// <summary>The established timeout in seconds (1 to 15999999); null for the protocol's.</summary>
    public long? Timeout { get; init; }
}
