namespace VirtualFirewall.Emulator.Inventory.Description;

/// <summary>A layer-3 ethernet interface (`ethernet1/5`), its zone and its addresses in CIDR form.</summary>
public sealed record InterfaceDescription
{
    public required string Name { get; init; }
    public string? Zone { get; init; }
    public IReadOnlyList<string> Ip { get; init; } = [];
}
