namespace VirtualFirewall.Emulator.Inventory.Description;

/// <summary>
/// A session the device starts with (or the control API creates), and its scripted life: when it
/// opens, the traffic it carries and when and how it ends. Times are offsets from the device's start.
/// </summary>
public sealed record SessionDescription
{
    /// <summary>The session id; null takes the next free one.</summary>
    public uint? Id { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required string Source { get; init; }
    public int SourcePort { get; init; }
    public required string Destination { get; init; }
    public int DestinationPort { get; init; }

    /// <summary>`tcp`, `udp`, `icmp` or a protocol number.</summary>
    public string Protocol { get; init; } = "tcp";
    public string Application { get; init; } = "incomplete";
    public string Rule { get; init; } = string.Empty;

    /// <summary>`allow`, `deny` or `drop`: a deny or drop discards the session at once.</summary>
    public string Action { get; init; } = "allow";
    public string? NatSource { get; init; }
    public int? NatSourcePort { get; init; }
    public string? NatDestination { get; init; }
    public int? NatDestinationPort { get; init; }
    public string? NatRule { get; init; }
    public string? IngressInterface { get; init; }
    public string? EgressInterface { get; init; }
    public string SourceUser { get; init; } = "unknown";
    public string DestinationUser { get; init; } = "unknown";

    /// <summary>False leaves a TCP session in its handshake (OPENING).</summary>
    public bool Established { get; init; } = true;
    public bool LogAtEnd { get; init; } = true;

    /// <summary>The established timeout in seconds; null for the protocol's.</summary>
    public int? Timeout { get; init; }

    /// <summary>When it opens: after the device starts, or at an instant.</summary>
    public DescriptionTime OpenAt { get; init; }

    /// <summary>The policy-based forwarding rule, printed in the c2s flow.</summary>
    public string? PbfRule { get; init; }

    /// <summary>`session traverses tunnel`.</summary>
    public bool TraversesTunnel { get; init; }

    /// <summary>`session terminated on host`: a session to the firewall itself.</summary>
    public bool TerminatedOnHost { get; init; }

    public IReadOnlyList<TrafficStepDescription> Traffic { get; init; } = [];

    /// <summary>When and how it ends; null leaves it to age out.</summary>
    public SessionEndDescription? End { get; init; }
}
