using System.Net;
using VirtualFirewall.Engine.Logs;
using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Tests.Engine.TrafficLogs;

/// <summary>
/// Traffic log entries for the tests: the three rows of the session-tracker KB's
/// `show log traffic direction equal backward show-tracker equal yes`, and a builder for others.
/// Times carry a zero offset and <see cref="ToLocal"/> reads them as wall-clock values.
/// </summary>
internal static class TrafficLogSamples
{
    public static DateTime ToLocal(DateTimeOffset time) => time.DateTime;

    public static DateTimeOffset At(int hour, int minute, int second) => new(2013, 9, 9, hour, minute, second, TimeSpan.Zero);

    /// <summary>
    /// The KB's rows, newest first as the KB lists them. The KB page dropped the addresses; these are the
    /// ones the emulator's session-tracker scenario gives the same sessions.
    /// </summary>
    public static TrafficLogEntry[] KbRowsNewestFirst() =>
    [
        Entry(1, At(16, 44, 1), "flash", "trust", "192.168.210.103", 4433, "TCP-logging", "VPN", "198.172.88.60", 80, TrackerStage.TcpFin),
        Entry(3, At(16, 44, 0), "incomplete", "untrust", "203.0.113.45", 52405, "allow-any", "untrust", "203.0.113.10", 135, TrackerStage.AgedOut),
        Entry(2, At(16, 40, 25), "ms-update", "trust", "192.168.210.104", 4402, "TCP-logging", "VPN", "198.172.88.61", 80, TrackerStage.TcpRstClient),
    ];

    public static TrafficLogEntry Entry(
        uint id,
        DateTimeOffset time,
        string application,
        string from,
        string source,
        int sourcePort,
        string rule,
        string to,
        string destination,
        int destinationPort,
        TrackerStage stage,
        RuleAction action = RuleAction.Allow,
        int protocol = 6) => new()
        {
            ReceiveTime = time,
            SessionId = id,
            Application = application,
            FromZone = from,
            ToZone = to,
            Source = IPAddress.Parse(source),
            SourcePort = sourcePort,
            Destination = IPAddress.Parse(destination),
            DestinationPort = destinationPort,
            Protocol = protocol,
            Rule = rule,
            Action = action,
            EndReason = SessionNames.EndReasonOf(stage),
            TrackerStage = stage,
            StartTime = time.AddSeconds(-30),
            ElapsedSeconds = 30,
            SourceUser = "unknown",
            DestinationUser = "unknown",
        };
}
