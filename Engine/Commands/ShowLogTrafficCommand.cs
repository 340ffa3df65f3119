using VirtualFirewall.Engine.Logs;

namespace VirtualFirewall.Engine.Commands;

/// <summary>`show log traffic ...`; the default order is oldest first (forward).</summary>
public sealed record ShowLogTrafficCommand(bool Backward = false, bool ShowTracker = false, TrafficLogQuery? Query = null, int? Count = null) : Command;
