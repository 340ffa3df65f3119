using System.Net;
using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Engine.Logs;

/// <summary>
/// One traffic log entry taken when a session ends (the seed example of `show log traffic` and the
/// traffic log fields of reference §5). Bytes and packets "sent" are client to server, "received"
/// server to client, as in the PAN-OS log fields.
/// </summary>
public sealed record TrafficLogEntry
{
    public required DateTimeOffset ReceiveTime { get; init; }
    public required uint SessionId { get; init; }
    public required string Application { get; init; }
    public required string FromZone { get; init; }
    public required string ToZone { get; init; }
    public required IPAddress Source { get; init; }
    public required int SourcePort { get; init; }
    public required IPAddress Destination { get; init; }
    public required int DestinationPort { get; init; }

    /// <summary>The translated source and its port, with source NAT; null otherwise.</summary>
    public IPAddress? NatSource { get; init; }

    public int? NatSourcePort { get; init; }

    /// <summary>The translated destination and its port, with destination NAT; null otherwise.</summary>
    public IPAddress? NatDestination { get; init; }

    public int? NatDestinationPort { get; init; }
    public required int Protocol { get; init; }
    public required string Rule { get; init; }
    public required RuleAction Action { get; init; }
    public long BytesSent { get; init; }
    public long BytesReceived { get; init; }
    public long PacketsSent { get; init; }
    public long PacketsReceived { get; init; }
    public required EndReason EndReason { get; init; }
    public required TrackerStage TrackerStage { get; init; }
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>Whole seconds from the start of the session to its end.</summary>
    public required long ElapsedSeconds { get; init; }

    public required string SourceUser { get; init; }
    public required string DestinationUser { get; init; }
    public string Vsys { get; init; } = "vsys1";

    public long Bytes => BytesSent + BytesReceived;
    public long Packets => PacketsSent + PacketsReceived;

    /// <summary>`allow`, `deny` or `drop`, as the log prints the action.</summary>
    public string ActionName => Action switch
    {
        RuleAction.Deny => "deny",
        RuleAction.Drop => "drop",
        _ => "allow",
    };

    /// <summary>The entry of a session that ended at <paramref name="receiveTime"/>, with its counts at that moment.</summary>
    public static TrafficLogEntry FromSession(Session session, RuleAction action, DateTimeOffset receiveTime)
    {
        ArgumentNullException.ThrowIfNull(session);
        var c2s = session.ClientToServer;
        var s2c = session.ServerToClient;
        var sourceNat = session.Flag is "NS" or "NB";
        var destinationNat = session.Flag is "ND" or "NB";
        return new TrafficLogEntry
        {
            ReceiveTime = receiveTime,
            SessionId = session.Id,
            Application = session.Application,
            FromZone = c2s.SourceZone,
            ToZone = s2c.SourceZone,
            Source = c2s.Source,
            SourcePort = c2s.SourcePort,
            Destination = c2s.Destination,
            DestinationPort = c2s.DestinationPort,
            NatSource = sourceNat ? s2c.Destination : null,
            NatSourcePort = sourceNat ? s2c.DestinationPort : null,
            NatDestination = destinationNat ? s2c.Source : null,
            NatDestinationPort = destinationNat ? s2c.SourcePort : null,
            Protocol = session.Protocol,
            Rule = session.Rule,
            Action = action,
            BytesSent = session.BytesClientToServer,
            BytesReceived = session.BytesServerToClient,
            PacketsSent = session.Layer7PacketsClientToServer,
            PacketsReceived = session.Layer7PacketsServerToClient,
            EndReason = session.EndReason,
            TrackerStage = session.TrackerStage,
            StartTime = session.StartTime,
            ElapsedSeconds = Math.Max(0, (long)Math.Floor((receiveTime - session.StartTime).TotalSeconds)),
            SourceUser = c2s.SourceUser,
            DestinationUser = c2s.DestinationUser,
            Vsys = session.Vsys,
        };
    }
}
