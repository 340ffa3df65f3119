using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Engine.Rendering;

namespace VirtualFirewall.Grammar;

/// <summary>A command, and the pipes its output goes through (none by default).</summary>
public sealed record ParsedCommand(Command Command) : ParseOutcome
{
    public OutputPipeline Pipeline { get; init; } = OutputPipeline.None;
}
