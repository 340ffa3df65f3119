using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Engine.Logs;
using VirtualFirewall.Engine.Rendering;

namespace VirtualFirewall.Engine.Handlers;

/// <summary>`show log traffic`.</summary>
internal static class LogHandler
{
    public static CommandResult ShowTraffic(Device device, ShowLogTrafficCommand command)
    {
        var entries = TrafficLogQuerySelection.Select(device.TrafficLog, command.Backward, command.Query, command.ShowTracker, command.Count);
        return new CommandResult(TrafficLogRenderer.Render(entries, command.ShowTracker, device.Clock.ToLocal));
    }
}
