namespace VirtualFirewall.Engine.Commands;

/// <summary>A parsed CLI command: the Engine's input vocabulary. The Grammar builds these from text.</summary>
public abstract record Command;
