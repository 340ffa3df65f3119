namespace VirtualFirewall.Engine.Policy;

/// <summary>
/// The addresses a rule's `source` or `destination` stands for, with objects and groups resolved:
/// the ranges it matches and the values `show running security-policy` prints in their place.
/// </summary>
public sealed record AddressSet(bool IsAny, IReadOnlyList<Ipv4Range> Ranges, IReadOnlyList<string> Shown)
{
    public static AddressSet Any { get; } = new(true, [Ipv4Range.All], ["any"]);

    public bool Contains(uint address) => IsAny || Ranges.Any(r => r.Contains(address));
}
