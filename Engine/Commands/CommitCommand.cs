namespace VirtualFirewall.Engine.Commands;

/// <summary>
/// `commit [description "text"] [force] [partial ... excluded]`, the forms netmiko and napalm-panos build
/// (client-contracts.md C11). <see cref="PartialExcluded"/> names the parts left out of a partial commit.
/// </summary>
public sealed record CommitCommand(string? Description = null, bool Force = false, IReadOnlyList<string>? PartialExcluded = null) : Command;
