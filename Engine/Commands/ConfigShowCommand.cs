using VirtualFirewall.Engine.Configuration;

namespace VirtualFirewall.Engine.Commands;

/// <summary>`show [&lt;path&gt;]` in configuration mode: the candidate configuration at the path.</summary>
public sealed record ConfigShowCommand(IReadOnlyList<ConfigStep> Path) : Command;
