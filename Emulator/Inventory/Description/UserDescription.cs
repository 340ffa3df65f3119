namespace VirtualFirewall.Emulator.Inventory.Description;

/// <summary>An administrator: a password, OpenSSH public keys (`authorized_keys` lines), or both.</summary>
public sealed record UserDescription
{
    public required string Name { get; init; }
    public string? Password { get; init; }
    public IReadOnlyList<string> PublicKeys { get; init; } = [];
}
