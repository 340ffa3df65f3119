namespace VirtualFirewall.Emulator.Inventory.Description;

/// <summary>
/// One firewall as a device description file (YAML) describes it: who it is, who logs in, its
/// interfaces and configuration, the sessions it starts with and how they end, its traffic generator,
/// its clock and its CLI quirks. The embedded default device is one of these (default-device.yaml).
/// </summary>
public sealed record DeviceDescription
{
    /// <summary>The file it was read from, for messages and relative paths; null when embedded.</summary>
    public string? SourcePath { get; init; }

    public IdentityDescription Identity { get; init; } = new();

    public IReadOnlyList<UserDescription> Users { get; init; } = [new UserDescription { Name = "admin", Password = "admin" }];

    public IReadOnlyList<InterfaceDescription> Interfaces { get; init; } = [];

    /// <summary>Zones without interfaces of their own (a VPN zone, say); zones named by interfaces exist anyway.</summary>
    public IReadOnlyList<string> Zones { get; init; } = [];

    public ConfigurationDescription Configuration { get; init; } = new();

    public IReadOnlyList<SessionDescription> Sessions { get; init; } = [];

    public TrafficDescription Traffic { get; init; } = new();

    public ClockDescription Clock { get; init; } = new();

    public CliDescription Cli { get; init; } = new();
}
