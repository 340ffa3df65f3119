namespace VirtualFirewall.Engine.Commands;

/// <summary>`show counter global [filter delta yes|no] [severity info|warn|drop|error]`</summary>
public sealed record ShowCounterGlobalCommand(bool Delta = false, string? Severity = null) : Command;
