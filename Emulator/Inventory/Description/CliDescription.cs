namespace VirtualFirewall.Emulator.Inventory.Description;

/// <summary>CLI quirks: the per-word line repaint, the login banner and its acknowledgement.</summary>
public sealed record CliDescription
{
    public bool Repaint { get; init; } = true;
    public string? LoginBanner { get; init; }
    public bool AcknowledgeBanner { get; init; }
}
