namespace VirtualFirewall.Emulator.Inventory.Description;

/// <summary>The `identity` section: what `show system info` and the prompt say. Null keeps the default.</summary>
public sealed record IdentityDescription
{
    public string? Hostname { get; init; }
    public string? Model { get; init; }
    public string? Serial { get; init; }
    public string? SwVersion { get; init; }

    /// <summary>The HA state shown in the prompt (`active`, `passive`, ...); null for a standalone firewall.</summary>
    public string? HaState { get; init; }
    public string? IpAddress { get; init; }
    public string? Netmask { get; init; }
    public string? DefaultGateway { get; init; }
    public string? MacAddress { get; init; }
    public string? TimeZone { get; init; }
}
