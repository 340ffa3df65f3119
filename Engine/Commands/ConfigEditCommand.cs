using VirtualFirewall.Engine.Configuration;

namespace VirtualFirewall.Engine.Commands;

/// <summary>`edit &lt;path&gt;`: later commands are relative to it, and `[edit &lt;path&gt;]` shows it.</summary>
public sealed record ConfigEditCommand(IReadOnlyList<ConfigStep> Path) : Command;
