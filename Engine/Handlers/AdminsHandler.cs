using VirtualFirewall.Engine.Rendering;

namespace VirtualFirewall.Engine.Handlers;

/// <summary>`show admins`.</summary>
internal static class AdminsHandler
{
    public static CommandResult ShowAdmins(Device device)
    {
        var now = device.Clock.UtcNow;
        var rows = device.Admins.Snapshot()
            .Select(s => new AdminRow(s.User, s.From, s.Client, device.Clock.ToLocal(s.StartedAt), now - s.LastActivity))
            .ToList();
        return new CommandResult(AdminsRenderer.Render(rows));
    }
}
