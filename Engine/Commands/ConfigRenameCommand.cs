using VirtualFirewall.Engine.Configuration;

namespace VirtualFirewall.Engine.Commands;

/// <summary>`rename &lt;path to an entry&gt; to &lt;new name&gt;`.</summary>
public sealed record ConfigRenameCommand(IReadOnlyList<ConfigStep> Path, string NewName) : Command;
