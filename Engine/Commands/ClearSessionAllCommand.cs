using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Engine.Commands;

/// <summary>`clear session all [filter ...]`</summary>
public sealed record ClearSessionAllCommand(SessionFilter Filter) : Command;
