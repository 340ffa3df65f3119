using VirtualFirewall.Engine.Configuration;

namespace VirtualFirewall.Engine.Commands;

/// <summary>`move &lt;path to an entry&gt; top|bottom|before &lt;name&gt;|after &lt;name&gt;`: rule order matters.</summary>
public sealed record ConfigMoveCommand(IReadOnlyList<ConfigStep> Path, string Where, string? Other) : Command;
