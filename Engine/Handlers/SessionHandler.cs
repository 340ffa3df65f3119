using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Engine.Rendering;
using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Engine.Handlers;

/// <summary>`show session ...` and `clear session ...`.</summary>
internal static class SessionHandler
{
    /// <summary>A PA-VM with a VM-100 licence holds about 250,000 sessions.</summary>
    public const long SupportedSessions = 250_000;

    public static CommandResult ShowId(Device device, ShowSessionIdCommand command)
    {
        var session = device.Sessions.Find(command.Id);
        if (session is null)
        {
            return new CommandResult(SessionDetailRenderer.NotFound(command.Id));
        }

        var text = SessionDetailRenderer.Render(session, device.Clock.UtcNow, device.Identity.SwVersion, device.Clock.ToLocal, device.Sessions.ExpiresAt(command.Id));
        return new CommandResult(text);
    }

    public static CommandResult ShowAll(Device device, ShowSessionAllCommand command, bool stream = false)
    {
        if (command.CountOnly)
        {
            return new CommandResult(SessionCountRenderer.Render(device.Sessions.Count(command.Filter)));
        }

        if (stream)
        {
            var selected = device.Sessions.Scan(command.Filter).ToList();
            if (selected.Count > SessionListOutput.StreamAbove)
            {
                return new CommandResult(string.Empty) { Stream = new SessionListOutput(selected) };
            }

            return new CommandResult(SessionListRenderer.Render(selected));
        }

        return new CommandResult(SessionListRenderer.Render(device.Sessions.Scan(command.Filter)));
    }

    public static CommandResult ShowInfo(Device device)
    {
        var table = device.Sessions;
        var timeouts = table.Timeouts;
        var live = table.LiveCount;
        var view = new SessionInfoView
        {
            Supported = SupportedSessions,
            Allocated = live,
            ActiveTcp = table.ActiveCount(SessionTimeouts.TcpProtocol),
            ActiveUdp = table.ActiveCount(SessionTimeouts.UdpProtocol),
            ActiveIcmp = table.ActiveCount(SessionTimeouts.IcmpProtocol),
            ActivePredict = table.PredictCount,
            ActiveSctp = table.ActiveCount(SessionTimeouts.SctpProtocol),
            UtilizationPercent = (int)(live * 100 / SupportedSessions),
            CreatedSinceBootup = table.CreatedSinceBoot,
            TcpDefaultTimeout = timeouts.Tcp,
            TcpSynAckTimeout = timeouts.TcpInit,
            TcpHandshakeTimeout = timeouts.TcpHandshake,
            TcpHalfClosedTimeout = timeouts.TcpHalfClosed,
            TcpTimeWaitTimeout = timeouts.TcpTimeWait,
            TcpDelayedAckMilliseconds = timeouts.TcpDelayedAckMilliseconds,
            TcpUnverifiedRstTimeout = timeouts.TcpUnverifiedRst,
            UdpTimeout = timeouts.Udp,
            IcmpTimeout = timeouts.Icmp,
            SctpTimeout = timeouts.Sctp,
            SctpInitAckTimeout = timeouts.SctpInit,
            SctpCookieTimeout = timeouts.SctpCookie,
            SctpShutdownTimeout = timeouts.SctpShutdown,
            OtherIpTimeout = timeouts.Default,
            CaptivePortalTimeout = timeouts.CaptivePortal,
            DiscardTcpTimeout = timeouts.DiscardTcp,
            DiscardUdpTimeout = timeouts.DiscardUdp,
            DiscardSctpTimeout = timeouts.DiscardSctp,
            DiscardOtherTimeout = timeouts.DiscardDefault,
        };
        return new CommandResult(SessionInfoRenderer.Render(view));
    }

    public static CommandResult ClearId(Device device, ClearSessionIdCommand command) =>
        device.Sessions.Clear(command.Id)
            ? new CommandResult(SessionClearRenderer.ClearId)
            : new CommandResult(SessionDetailRenderer.NotFound(command.Id));

    public static CommandResult ClearAll(Device device, ClearSessionAllCommand command)
    {
        device.Sessions.Clear(command.Filter);
        return new CommandResult(SessionClearRenderer.ClearAll);
    }
}
