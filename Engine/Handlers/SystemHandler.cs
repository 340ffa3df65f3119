using VirtualFirewall.Engine.Rendering;

namespace VirtualFirewall.Engine.Handlers;

/// <summary>`show system info`, `show clock`.</summary>
internal static class SystemHandler
{
    public static CommandResult ShowSystemInfo(Device device)
    {
        var now = device.Clock.UtcNow;
        var body = SystemInfoRenderer.Render(
            device.Identity,
            PanosTime.Asctime(device.Clock.ToLocal(now)),
            PanosTime.Uptime(now - device.BootTime));

        // A blank line separates the echoed command from the output (CLI Quick Start sample, reference §6).
        return new CommandResult("\n" + body);
    }

    public static CommandResult ShowClock(Device device)
    {
        var now = device.Clock.UtcNow;
        return new CommandResult(ClockRenderer.Render(device.Clock.ToLocal(now), device.Clock.ZoneAbbreviation(now)));
    }
}
