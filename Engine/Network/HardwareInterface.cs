namespace VirtualFirewall.Engine.Network;

/// <summary>
/// One row of `show interface hardware`: a port or a built-in logical parent (vlan, loopback, tunnel).
/// Speed, duplex and FEC are printed as given (`1000`, `ukn`, `[n/a]`); a link that is down prints
/// its reason after `down` (`down(autoneg)`).
/// </summary>
public sealed record HardwareInterface(string Name, int Id, string Mac)
{
    public string Speed { get; init; } = "[n/a]";

    public string Duplex { get; init; } = "[n/a]";

    public bool IsUp { get; init; } = true;

    /// <summary>Why a link is down, printed in parentheses after `down`.</summary>
    public string DownReason { get; init; } = "autoneg";

    /// <summary>The forward error correction mode of the `/fec` column (PAN-OS 10.2 and later).</summary>
    public string Fec { get; init; } = "[n/a]";
}
