using System.Net;
using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Tests.Engine.SessionRendering;

/// <summary>
/// The sessions behind the reference captures (panos-cli-reference.md §3.1 / §3.2, session-tracker KB),
/// rebuilt from the values the captures print. Times are wall-clock values with a zero offset, so
/// <see cref="ToLocal"/> is the identity.
/// </summary>
internal static class SessionSamples
{
    public static DateTime ToLocal(DateTimeOffset time) => time.DateTime;

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute, int second) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    public static SessionFlow Flow(
        string source,
        string zone,
        string destination,
        int protocol,
        int sport,
        int dport,
        SessionState state,
        SessionType type = SessionType.Flow,
        string? pbfRule = null) =>
        new(IPAddress.Parse(source), zone, IPAddress.Parse(destination), protocol, sport, dport, state, type, PbfRule: pbfRule);

    /// <summary>Sample A: vault27, PA-VM 2023, ping with source NAT, aged out.</summary>
    public static Session SampleA() => new()
    {
        Id = 25,
        ClientToServer = Flow("192.168.1.20", "Inside", "1.1.1.1", 1, 1, 31, SessionState.Init),
        ServerToClient = Flow("1.1.1.1", "Outside", "10.2.62.150", 1, 31, 1, SessionState.Init),
        StartTime = At(2023, 5, 6, 9, 58, 41),
        LastActivity = At(2023, 5, 6, 9, 58, 41),
        TimeoutSeconds = 6,
        BytesClientToServer = 74,
        BytesServerToClient = 0,
        Layer7PacketsClientToServer = 1,
        Layer7PacketsServerToClient = 0,
        Application = "ping",
        Rule = "Allow ping",
        LogAtEnd = true,
        InAger = false,
        Translation = "source",
        NatRule = "Lan",
        IngressInterface = "ethernet1/1",
        EgressInterface = "ethernet1/3",
        TrackerStage = TrackerStage.AgedOut,
        EndReason = EndReason.AgedOut,
        EndTime = At(2023, 5, 6, 9, 58, 47),
    };

    /// <summary>Sample B: KB kA10g000000PLnl, 2019, live ftp-data predict session (parent 409).</summary>
    public static Session SampleB() => new()
    {
        Id = 504,
        ClientToServer = Flow("10.59.59.132", "L3-DMZ", "172.16.59.100", 6, 0, 16889, SessionState.Active, SessionType.Predict),
        ServerToClient = Flow("172.16.59.100", "L3-Inside", "10.59.59.132", 6, 16889, 0, SessionState.Opening, SessionType.Predict),
        StartTime = At(2019, 4, 26, 1, 40, 38),
        LastActivity = At(2019, 4, 26, 1, 40, 38),
        TimeoutSeconds = 60,
        Application = "ftp-data",
        Rule = string.Empty,
        LogAtEnd = false,
        InAger = true,
        ParentSession = 409,
    };

    /// <summary>When sample B was captured: 33 s after its start, 27 s to live.</summary>
    public static DateTimeOffset SampleBNow => At(2019, 4, 26, 1, 41, 11);

    /// <summary>Sample D: LIVEcommunity ta-p/61278, 2017, SSL session in the ager.</summary>
    public static Session SampleD() => new()
    {
        Id = 96776,
        ClientToServer = Flow("172.20.13.132", "L3-Trust", "50.17.226.145", 6, 61973, 443, SessionState.Active),
        ServerToClient = Flow("50.17.226.145", "L3-Untrust", "10.46.198.13", 6, 443, 14690, SessionState.Active),
        StartTime = At(2017, 10, 12, 9, 30, 35),
        LastActivity = At(2017, 10, 12, 9, 35, 0),
        TimeoutSeconds = 1800,
        BytesClientToServer = 54759,
        BytesServerToClient = 134469,
        Layer7PacketsClientToServer = 103,
        Layer7PacketsServerToClient = 200,
        Application = "ssl",
        Rule = "allow-ssl",
        InAger = true,
        Translation = "source",
        NatRule = "outbound",
    };

    /// <summary>One second of idleness: `time to live : 1799 sec `.</summary>
    public static DateTimeOffset SampleDNow => At(2017, 10, 12, 9, 35, 1);

    /// <summary>Session-tracker KB (PAN-OS 6.0/6.1): `show session id 4632`, ended by TCP FIN.</summary>
    public static Session Kb4632() => new()
    {
        Id = 4632,
        ClientToServer = Flow("192.168.210.103", "trust", "198.172.88.58", 6, 4475, 80, SessionState.Init, pbfRule: "wt-VPNTest 1"),
        ServerToClient = Flow("198.172.88.58", "VPN", "192.168.210.103", 6, 80, 4475, SessionState.Init),
        StartTime = At(2013, 9, 9, 16, 39, 6),
        LastActivity = At(2013, 9, 9, 16, 39, 40),
        TimeoutSeconds = 30,
        BytesClientToServer = 1063,
        BytesServerToClient = 1461,
        Layer7PacketsClientToServer = 12,
        Layer7PacketsServerToClient = 10,
        Application = "flash",
        Rule = "TCP-logging",
        InAger = false,
        TraversesTunnel = true,
        IngressInterface = "ethernet1/6",
        EgressInterface = "tunnel.179",
        QosRule = "N/A (class 4)",
        TrackerStage = TrackerStage.TcpFin,
        EndReason = EndReason.TcpFin,
        EndTime = At(2013, 9, 9, 16, 44, 1),
    };

    /// <summary>vault27 `show session all filter application ping`: session 20, source NAT.</summary>
    public static Session ListPing() => new()
    {
        Id = 20,
        ClientToServer = Flow("192.168.1.20", "Inside", "1.1.1.1", 1, 1, 26, SessionState.Active),
        ServerToClient = Flow("1.1.1.1", "Outside", "10.2.62.150", 1, 26, 1, SessionState.Active),
        StartTime = At(2023, 5, 6, 9, 50, 0),
        TimeoutSeconds = 6,
        Application = "ping",
        Translation = "source",
        NatRule = "Lan",
    };

    /// <summary>vault27 `show session all filter pbf-rule ISP2_webaccess`: session 9873, source NAT with a new port.</summary>
    public static Session ListPbf() => new()
    {
        Id = 9873,
        ClientToServer = Flow("192.168.0.7", "trust", "93.184.216.34", 6, 4015, 80, SessionState.Active, pbfRule: "ISP2_webaccess"),
        ServerToClient = Flow("93.184.216.34", "ISP2", "172.16.31.2", 6, 80, 7914, SessionState.Active),
        StartTime = At(2023, 5, 6, 9, 50, 0),
        TimeoutSeconds = 3600,
        Application = "web-browsing",
        Translation = "source",
        NatRule = "ISP2",
    };

    /// <summary>EDL notes `show session all filter rule Server-Any-to-DMZ-EDL`: session 323, no NAT.</summary>
    public static Session ListEdl() => new()
    {
        Id = 323,
        ClientToServer = Flow("192.168.193.25", "Server", "192.168.192.25", 6, 39686, 22, SessionState.Active),
        ServerToClient = Flow("192.168.192.25", "DMZ", "192.168.193.25", 6, 22, 39686, SessionState.Active),
        StartTime = At(2023, 5, 19, 3, 30, 0),
        TimeoutSeconds = 3600,
        Application = "ssh",
        Rule = "Server-Any-to-DMZ-EDL",
    };
}
