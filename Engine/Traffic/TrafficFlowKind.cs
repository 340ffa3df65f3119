namespace VirtualFirewall.Engine.Traffic;

/// <summary>What becomes of a flow's sessions: see <see cref="TrafficFlow"/>.</summary>
internal enum TrafficFlowKind
{
    Forward,
    Denied,
    ToFirewall,
}
