namespace VirtualFirewall.Engine.Network;

/// <summary>One row of `show arp all`; a null <see cref="Mac"/> prints `(incomplete)`.</summary>
public sealed record ArpEntry(string Interface, string IpAddress, string? Mac, string Port)
{
    /// <summary>`s` static, `c` complete, `e` expiring, `i` incomplete.</summary>
    public string Status { get; init; } = "c";

    public int Ttl { get; init; }
}
