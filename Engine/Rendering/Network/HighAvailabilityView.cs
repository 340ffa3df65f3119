namespace VirtualFirewall.Engine.Rendering.Network;

/// <summary>Everything `show high-availability all | state` prints about an HA member.</summary>
public sealed record HighAvailabilityView(
    int Group,
    string Mode,
    HaMemberView Local,
    HaMemberView Peer,
    HaLinkView Ha1,
    HaLinkView Ha2,
    HaLinkView PeerHa1,
    HaLinkView PeerHa2)
{
    public bool JumboFrames { get; init; }

    /// <summary>The interfaces of the link monitoring group and their states (`up`, `down`).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> MonitoredInterfaces { get; init; } = [];
}
