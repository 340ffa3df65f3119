using System.Net;

namespace VirtualFirewall.Engine.Sessions;

/// <summary>One direction of a session (`c2s flow` or `s2c flow`).</summary>
public readonly record struct SessionFlow(
    IPAddress Source,
    string SourceZone,
    IPAddress Destination,
    int Protocol,
    int SourcePort,
    int DestinationPort,
    SessionState State,
    SessionType Type,
    string SourceUser = "unknown",
    string DestinationUser = "unknown",
    string? PbfRule = null);
