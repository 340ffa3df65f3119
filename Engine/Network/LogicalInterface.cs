namespace VirtualFirewall.Engine.Network;

/// <summary>
/// One row of `show interface logical`. An interface outside any zone has an empty <see cref="Zone"/>;
/// <see cref="Forwarding"/> is `vr:&lt;virtual router&gt;`, `ha` or `N/A`; no address prints `N/A`.
/// </summary>
public sealed record LogicalInterface(string Name, int Id)
{
    public int Vsys { get; init; } = 1;

    public string Zone { get; init; } = string.Empty;

    public string Forwarding { get; init; } = "N/A";

    /// <summary>The 802.1Q tag of a subinterface; 0 for an untagged interface.</summary>
    public int Tag { get; init; }

    /// <summary>Addresses in CIDR form, in configuration order.</summary>
    public IReadOnlyList<string> Addresses { get; init; } = [];
}
