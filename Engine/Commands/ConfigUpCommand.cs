namespace VirtualFirewall.Engine.Commands;

/// <summary>`up` one level of the edit path, or `top` to its start.</summary>
public sealed record ConfigUpCommand(bool ToTop) : Command;
