using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Engine.Counters;
using VirtualFirewall.Engine.Rendering;

namespace VirtualFirewall.Engine.Handlers;

/// <summary>`show counter global ...`.</summary>
internal static class CounterHandler
{
    public static CommandResult ShowGlobal(Device device, GlobalCounters counters, ShowCounterGlobalCommand command)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(command);
        CounterSeverity? severity = command.Severity switch
        {
            null => null,
            "info" => CounterSeverity.Info,
            "warn" => CounterSeverity.Warn,
            "drop" => CounterSeverity.Drop,
            "error" => CounterSeverity.Error,
            _ => throw new ArgumentException($"Unknown counter severity {command.Severity}.", nameof(command)),
        };
        var sample = counters.Sample(device.Clock.UtcNow, command.Delta, severity);
        // The ntc-templates capture starts at `Global counters:`; like `show system info` (whose capture
        // also starts at its first line while the CLI Quick Start shows a blank line after the command),
        // the CLI separates it from the echoed command with a blank line.
        return new CommandResult("\n" + GlobalCountersRenderer.Render(sample));
    }
}
