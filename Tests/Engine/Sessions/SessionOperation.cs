using System.Globalization;
using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Tests.Engine.Sessions;

/// <summary>One step of a generated session-table scenario; each case prints as a readable line of a shrunk example.</summary>
internal abstract record SessionOperation
{
    private SessionOperation()
    {
    }

    public static string ProtocolName(int protocol) => protocol switch
    {
        6 => "tcp",
        17 => "udp",
        1 => "icmp",
        _ => string.Create(CultureInfo.InvariantCulture, $"ip-proto-{protocol}"),
    };

    /// <summary>Opens a session; a <see cref="PredictParent"/> makes it a predict session of that parent.</summary>
    public sealed record Open(
        int Protocol, bool Established, RuleAction Action, SessionPick? Id, SessionPick? PredictParent, int SourcePort, int? TimeoutSeconds)
        : SessionOperation
    {
        public override string ToString() =>
            string.Join(
                ' ',
                new[]
                {
                    "Open",
                    ProtocolName(Protocol),
                    Established ? "established" : "not-established",
                    Action.ToString().ToLowerInvariant(),
                    Id is { } id ? $"with {id}" : null,
                    PredictParent is { } parent ? $"predict parent {parent}" : null,
                    string.Create(CultureInfo.InvariantCulture, $"source-port {SourcePort}"),
                    TimeoutSeconds is { } timeout ? string.Create(CultureInfo.InvariantCulture, $"timeout {timeout}s") : null,
                }.OfType<string>());
    }

    public sealed record RecordTraffic(SessionPick Target, int BytesC2S, int BytesS2C, int PacketsC2S, int PacketsS2C) : SessionOperation
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"RecordTraffic {Target} bytes {BytesC2S}/{BytesS2C} packets {PacketsC2S}/{PacketsS2C}");
    }

    public sealed record Establish(SessionPick Target) : SessionOperation
    {
        public override string ToString() => $"Establish {Target}";
    }

    public sealed record End(SessionPick Target, TrackerStage Stage) : SessionOperation
    {
        public override string ToString() => $"End {Target} '{SessionNames.Of(Stage)}'";
    }

    public sealed record Clear(SessionPick Target) : SessionOperation
    {
        public override string ToString() => $"Clear {Target}";
    }

    /// <summary>`clear session all filter protocol ... [state active]`.</summary>
    public sealed record ClearFilter(int Protocol, bool ActiveOnly) : SessionOperation
    {
        public override string ToString() => $"Clear all protocol {ProtocolName(Protocol)}{(ActiveOnly ? " state ACTIVE" : string.Empty)}";
    }

    /// <summary>Moves the clock forward and runs the ager, as the Device does before each command.</summary>
    public sealed record Advance(TimeSpan By) : SessionOperation
    {
        public override string ToString() => $"Advance {By.ToString("c", CultureInfo.InvariantCulture)}";
    }

    /// <summary>Sets the clock back (an NTP correction) without running the ager.</summary>
    public sealed record Rewind(int Seconds) : SessionOperation
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Rewind {Seconds}s");
    }
}
