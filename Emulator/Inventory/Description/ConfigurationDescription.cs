namespace VirtualFirewall.Emulator.Inventory.Description;

/// <summary>
/// The `configuration` section: the built-in lab configuration (or only the system settings), `set`
/// lines on top of it, or a PAN-OS XML configuration file instead of both.
/// </summary>
public sealed record ConfigurationDescription
{
    /// <summary>`default` (zones, interfaces, rules and NAT of the traffic generator's network) or `minimal`.</summary>
    public string Base { get; init; } = "default";

    /// <summary>Configuration-mode `set` commands (without the word `set`), applied in order.</summary>
    public IReadOnlyList<string> Set { get; init; } = [];

    /// <summary>A PAN-OS XML configuration (absolute, or relative to the description file); replaces the base.</summary>
    public string? XmlFile { get; init; }
}
