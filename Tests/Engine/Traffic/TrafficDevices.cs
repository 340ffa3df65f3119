using System.Globalization;
using System.Text;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Logs;
using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Engine.State;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Engine.Users;

namespace VirtualFirewall.Tests.Engine.Traffic;

/// <summary>Devices on manual clocks for the traffic tests, and the field-by-field pictures they compare.</summary>
internal static class TrafficDevices
{
    public static readonly DateTimeOffset Boot = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    public static (Device Device, ManualTimeProvider Clock) New(int seed = 1)
    {
        var clock = new ManualTimeProvider(Boot);
        return (new Device(new DeviceIdentity(), [new UserAccount("admin", "admin")], clock, seed), clock);
    }

    /// <summary>Moves the clock in steps, the device catching up after each, as commands make it do.</summary>
    public static void Run(this Device device, ManualTimeProvider clock, TimeSpan total, TimeSpan step)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < total; elapsed += step)
        {
            clock.Advance(step);
            device.CatchUp();
        }
    }

    /// <summary>Every field of a session, in one line.</summary>
    public static string Describe(Session session)
    {
        var text = new StringBuilder();
        text.AppendJoin('|',
            session.Id, Flow(session.ClientToServer), Flow(session.ServerToClient), Time(session.StartTime), session.TimeoutSeconds,
            Time(session.LastActivity), session.BytesClientToServer, session.BytesServerToClient, session.Layer7PacketsClientToServer,
            session.Layer7PacketsServerToClient, session.Vsys, session.Application, session.Rule, session.ServiceTimeoutOverride,
            session.LogAtEnd, session.InAger, session.UpdatedByHaPeer, session.Translation, session.NatRule, session.Layer7Processing,
            session.UrlFilteringEnabled, session.ViaSynCookies, session.TerminatedOnHost, session.TraversesTunnel, session.TerminateTunnel,
            session.CaptivePortal, session.IngressInterface, session.EgressInterface, session.QosRule, session.ParentSession,
            session.TrackerStage, session.EndReason, session.EndTime is { } end ? Time(end) : "-");
        return text.ToString();
    }

    /// <summary>The table as `show session id` would see it: live sessions, then every id ever handed out.</summary>
    public static List<string> Table(Device device)
    {
        var lines = device.Sessions.Scan().Select(Describe).ToList();
        var last = device.Sessions.CreatedSinceBoot;
        for (uint id = 1; id <= last; id++)
        {
            lines.Add(device.Sessions.Find(id) is { } session ? Describe(session) : "gone " + id.ToString(CultureInfo.InvariantCulture));
        }

        return lines;
    }

    public static List<TrafficLogEntry> Log(Device device) => [.. device.TrafficLog.OldestFirst()];

    private static string Flow(SessionFlow flow) =>
        string.Join(',', flow.Source, flow.SourceZone, flow.Destination, flow.Protocol, flow.SourcePort, flow.DestinationPort, flow.State, flow.Type, flow.SourceUser, flow.DestinationUser, flow.PbfRule);

    private static string Time(DateTimeOffset time) => time.UtcTicks.ToString(CultureInfo.InvariantCulture);
}
