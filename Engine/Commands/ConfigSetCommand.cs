using VirtualFirewall.Engine.Configuration;

namespace VirtualFirewall.Engine.Commands;

/// <summary>`set &lt;path&gt; [&lt;field&gt; &lt;value&gt;]...` in configuration mode, already read against the schema.</summary>
public sealed record ConfigSetCommand(IReadOnlyList<ConfigStep> Path, IReadOnlyList<ConfigAssignment> Assignments) : Command;
