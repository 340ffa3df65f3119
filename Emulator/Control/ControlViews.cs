using System.Globalization;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Logs;
using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Engine.Time;

namespace VirtualFirewall.Emulator.Control;

/// <summary>Engine state as the API's records. Every method runs under the device lock.</summary>
internal static class ControlViews
{
    /// <summary>The clock <paramref name="device"/> runs on: the one it was built with, even if the hosted device was reset since.</summary>
    public static AdjustableTimeProvider ClockOf(HostedDevice hosted, Device device) =>
        device.Clock.Source as AdjustableTimeProvider ?? hosted.Clock;

    public static DeviceInfo Device(HostedDevice hosted, Device device) => new()
    {
        Name = hosted.Name,
        Hostname = device.Identity.Hostname,
        Model = device.Identity.Model,
        SwVersion = device.Identity.SwVersion,
        SshPort = hosted.SshPort,
        TelnetPort = hosted.TelnetPort,
        Clock = ControlResults.Instant(device.Clock.UtcNow),
        ClockMode = Mode(ClockOf(hosted, device)),
        LiveSessions = device.Sessions.LiveCount,
        GeneratorRunning = hosted.Generator is not null,
    };

    public static ClockInfo Clock(HostedDevice hosted, Device device) =>
        new(ControlResults.Instant(device.Clock.UtcNow), Mode(ClockOf(hosted, device)));

    public static SessionInfo Session(Session session, Device device)
    {
        var c2s = session.ClientToServer;
        var s2c = session.ServerToClient;
        var sourceNat = session.Flag is "NS" or "NB";
        var destinationNat = session.Flag is "ND" or "NB";
        var ended = session.EndTime is not null;
        long? timeToLive = device.Sessions.IsLive(session.Id) && device.Sessions.ExpiresAt(session.Id) is { } due
            ? Math.Max(0, (long)Math.Floor((due - device.Clock.UtcNow).TotalSeconds))
            : null;
        return new SessionInfo
        {
            Id = session.Id,
            State = SessionNames.Of(session.State),
            Type = SessionNames.Of(session.Type),
            Live = device.Sessions.IsLive(session.Id),
            Application = session.Application,
            Rule = session.Rule,
            From = c2s.SourceZone,
            To = s2c.SourceZone,
            Source = c2s.Source.ToString(),
            SourcePort = c2s.SourcePort,
            Destination = c2s.Destination.ToString(),
            DestinationPort = c2s.DestinationPort,
            Protocol = session.Protocol,
            NatSource = sourceNat ? s2c.Destination.ToString() : null,
            NatSourcePort = sourceNat ? s2c.DestinationPort : null,
            NatDestination = destinationNat ? s2c.Source.ToString() : null,
            NatDestinationPort = destinationNat ? s2c.SourcePort : null,
            NatRule = session.NatRule,
            SourceUser = c2s.SourceUser,
            DestinationUser = c2s.DestinationUser,
            Vsys = session.Vsys,
            StartTime = ControlResults.Instant(session.StartTime),
            Timeout = session.TimeoutSeconds,
            TimeToLive = timeToLive,
            BytesC2S = session.BytesClientToServer,
            BytesS2C = session.BytesServerToClient,
            PacketsC2S = session.Layer7PacketsClientToServer,
            PacketsS2C = session.Layer7PacketsServerToClient,
            LogAtEnd = session.LogAtEnd,
            IngressInterface = session.IngressInterface,
            EgressInterface = session.EgressInterface,
            TrackerStage = session.TrackerStage == TrackerStage.None ? null : SessionNames.Of(session.TrackerStage),
            EndReason = ended ? SessionNames.Of(session.EndReason) : null,
            EndTime = session.EndTime is { } end ? ControlResults.Instant(end) : null,
        };
    }

    public static TrafficLogEntryInfo LogEntry(TrafficLogEntry entry) => new()
    {
        ReceiveTime = ControlResults.Instant(entry.ReceiveTime),
        SessionId = entry.SessionId,
        Application = entry.Application,
        From = entry.FromZone,
        To = entry.ToZone,
        Source = entry.Source.ToString(),
        SourcePort = entry.SourcePort,
        Destination = entry.Destination.ToString(),
        DestinationPort = entry.DestinationPort,
        NatSource = entry.NatSource?.ToString(),
        NatSourcePort = entry.NatSourcePort,
        NatDestination = entry.NatDestination?.ToString(),
        NatDestinationPort = entry.NatDestinationPort,
        Protocol = entry.Protocol,
        Rule = entry.Rule,
        Action = entry.ActionName,
        Bytes = entry.Bytes,
        BytesSent = entry.BytesSent,
        BytesReceived = entry.BytesReceived,
        Packets = entry.Packets,
        PacketsSent = entry.PacketsSent,
        PacketsReceived = entry.PacketsReceived,
        TrackerStage = entry.TrackerStage == TrackerStage.None ? null : SessionNames.Of(entry.TrackerStage),
        EndReason = SessionNames.Of(entry.EndReason),
        StartTime = ControlResults.Instant(entry.StartTime),
        Elapsed = entry.ElapsedSeconds,
        SourceUser = entry.SourceUser,
        DestinationUser = entry.DestinationUser,
        Vsys = entry.Vsys,
    };

    /// <summary>A session id from the route: digits only, 1 to 4294967295.</summary>
    public static uint? SessionId(string text) =>
        text.Length is > 0 and <= 10 && text.All(char.IsAsciiDigit)
            && uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : null;

    private static string Mode(AdjustableTimeProvider clock) => clock.IsFixed ? "fixed" : "real";
}
