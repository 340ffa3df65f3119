using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Engine.Traffic;

/// <summary>
/// How often generated sessions end with a tracker stage, relative to the other causes. A TCP-only
/// stage (FIN, RST) drawn for a UDP or ICMP session makes it age out instead.
/// </summary>
public sealed record TrafficEndCause(TrackerStage Stage, int Weight);
