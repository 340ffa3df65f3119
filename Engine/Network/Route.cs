namespace VirtualFirewall.Engine.Network;

/// <summary>
/// One route of `show routing route`. <see cref="Flags"/> is printed as given (`A S`, `A C`, `A H`,
/// `A?B`, `~`); metric, age and next-AS are empty for routes that have none.
/// </summary>
public sealed record Route(string VirtualRouter, string Destination, string Nexthop)
{
    public int? Metric { get; init; }

    public string Flags { get; init; } = string.Empty;

    /// <summary>Seconds since a dynamic route was learnt; null for static and connected routes.</summary>
    public long? Age { get; init; }

    public string Interface { get; init; } = string.Empty;

    public string NextAs { get; init; } = string.Empty;
}
