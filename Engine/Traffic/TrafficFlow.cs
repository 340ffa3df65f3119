using System.Net;
using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Engine.Traffic;

/// <summary>
/// Traffic between a pair of zones matching one security rule: where clients and servers come from,
/// the rule's action, the NAT and interfaces on the way, and the applications seen there.
/// <para>
/// Three kinds: an allowed flow (<see cref="Action"/> allow, not <see cref="ToFirewall"/>) carries
/// sessions that end by FIN, RST, ageing, threat or resource limit; a denying flow (deny or drop)
/// carries the sessions that end `appid policy lookup deny`; a flow <see cref="ToFirewall"/> carries
/// sessions to the firewall's own address that end `host service`.
/// </para>
/// </summary>
/// <param name="FromZone">The client's zone (the c2s flow's zone).</param>
/// <param name="ToZone">The server's zone (the s2c flow's zone).</param>
/// <param name="Weight">How often this flow is chosen among the flows of its kind.</param>
/// <param name="Sources">The clients.</param>
/// <param name="Destinations">The servers, before destination NAT.</param>
/// <param name="Rule">The security rule the flow's sessions match.</param>
/// <param name="Applications">The application mix.</param>
public sealed record TrafficFlow(
    string FromZone,
    string ToZone,
    int Weight,
    AddressPool Sources,
    AddressPool Destinations,
    string Rule,
    IReadOnlyList<TrafficApplication> Applications)
{
    public RuleAction Action { get; init; } = RuleAction.Allow;

    /// <summary>Sessions to the firewall itself for a service its interface does not offer: they end `host service`.</summary>
    public bool ToFirewall { get; init; }

    /// <summary>Source NAT (dynamic IP and port): the address the servers see; flag NS.</summary>
    public IPAddress? SourceNat { get; init; }

    /// <summary>Destination NAT: the real server behind every destination of the flow; flag ND.</summary>
    public IPAddress? DestinationNat { get; init; }

    /// <summary>The NAT rule, printed as `nat-rule : name(vsys1)`.</summary>
    public string? NatRule { get; init; }

    public string IngressInterface { get; init; } = "ethernet1/2";
    public string EgressInterface { get; init; } = "ethernet1/1";
    public bool TraversesTunnel { get; init; }

    internal TrafficFlowKind Kind =>
        Action != RuleAction.Allow ? TrafficFlowKind.Denied
        : ToFirewall ? TrafficFlowKind.ToFirewall
        : TrafficFlowKind.Forward;
}
