using VirtualFirewall.Engine.Configuration;

namespace VirtualFirewall.Engine.Commands;

/// <summary>`delete &lt;path&gt;`, or `delete &lt;list&gt; &lt;members&gt;` to remove members only.</summary>
public sealed record ConfigDeleteCommand(IReadOnlyList<ConfigStep> Path, IReadOnlyList<ConfigAssignment> Members) : Command;
