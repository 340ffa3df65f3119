namespace VirtualFirewall.Engine.Rendering;

/// <summary>
/// What `show session info` reports. Defaults are the PAN-OS defaults the 9.0 capture prints
/// (panos-cli-reference.md §3.3 / §3.5).
/// </summary>
public sealed record SessionInfoView
{
    /// <summary>`*.dp0` on the PA-850 capture; null leaves the line out.</summary>
    public string? TargetDp { get; init; } = "*.dp0";

    public long Supported { get; init; }
    public long Allocated { get; init; }
    public long ActiveTcp { get; init; }
    public long ActiveUdp { get; init; }
    public long ActiveIcmp { get; init; }
    public long ActiveGtpc { get; init; }
    public long ActiveGtpu { get; init; }
    public long PendingGtpu { get; init; }
    public long ActiveBcast { get; init; }
    public long ActiveMcast { get; init; }
    public long ActivePredict { get; init; }
    public long ActiveSctp { get; init; }
    public long ActiveSctpAssociations { get; init; }
    public int UtilizationPercent { get; init; }
    public long CreatedSinceBootup { get; init; }

    /// <summary>Packets per second.</summary>
    public long PacketRate { get; init; }

    public long ThroughputKbps { get; init; }

    /// <summary>New connections per second.</summary>
    public long NewConnectionRate { get; init; }

    public int TcpDefaultTimeout { get; init; } = 3600;
    public int TcpSynAckTimeout { get; init; } = 5;
    public int TcpHandshakeTimeout { get; init; } = 10;
    public int TcpHalfClosedTimeout { get; init; } = 120;
    public int TcpTimeWaitTimeout { get; init; } = 15;
    public int TcpDelayedAckMilliseconds { get; init; } = 250;
    public int TcpUnverifiedRstTimeout { get; init; } = 30;
    public int UdpTimeout { get; init; } = 30;
    public int IcmpTimeout { get; init; } = 6;
    public int SctpTimeout { get; init; } = 3600;
    public int SctpInitAckTimeout { get; init; } = 5;
    public int SctpCookieTimeout { get; init; } = 60;
    public int SctpShutdownTimeout { get; init; } = 30;
    public int OtherIpTimeout { get; init; } = 30;
    public int CaptivePortalTimeout { get; init; } = 30;
    public int DiscardTcpTimeout { get; init; } = 90;
    public int DiscardUdpTimeout { get; init; } = 60;
    public int DiscardSctpTimeout { get; init; } = 60;
    public int DiscardOtherTimeout { get; init; } = 60;

    public bool AcceleratedAging { get; init; } = true;

    /// <summary>Percent of utilization.</summary>
    public int AcceleratedAgingThreshold { get; init; } = 80;

    public int AcceleratedAgingScalingFactor { get; init; } = 2;
    public bool RejectNonSynFirstPacket { get; init; } = true;
    public bool HardwareSessionOffloading { get; init; } = true;
    public bool HardwareUdpSessionOffloading { get; init; } = true;
    public bool Ipv6Firewalling { get; init; } = true;
    public bool StrictTcpIpChecksum { get; init; } = true;
    public bool StrictTcpRstSequence { get; init; } = true;
    public bool RejectTcpSmallInitialWindow { get; init; }

    /// <summary>Packets per second.</summary>
    public int IcmpUnreachablePacketRate { get; init; } = 200;

    /// <summary>Seconds.</summary>
    public int TricklingTimeout { get; init; } = 10;

    /// <summary>Percent.</summary>
    public int TricklingThreshold { get; init; } = 80;

    public int TricklingScalingFactor { get; init; } = 8;
    public string ResourceLimitBehavior { get; init; } = "drop";
    public long PcapTokenBucketRate { get; init; } = 10485760;
    public long MaxPendingMcastPacketsPerSession { get; init; }
}
