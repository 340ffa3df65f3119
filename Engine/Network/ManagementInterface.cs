namespace VirtualFirewall.Engine.Network;

/// <summary>
/// The management port's link and counters (`show interface management`). Its addresses are the
/// device identity's (`show system info`), so the two commands never disagree.
/// </summary>
public sealed record ManagementInterface
{
    public string RuntimeLink { get; init; } = "1000/full/up";

    public string ConfiguredLink { get; init; } = "auto/auto/auto";

    public long BytesReceived { get; init; }

    public long BytesTransmitted { get; init; }

    public long PacketsReceived { get; init; }

    public long PacketsTransmitted { get; init; }

    public long ReceiveErrors { get; init; }

    public long TransmitErrors { get; init; }

    public long ReceivePacketsDropped { get; init; }

    public long TransmitPacketsDropped { get; init; }

    public long MulticastPacketsReceived { get; init; }
}
