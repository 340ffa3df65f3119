using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Engine.Commands;

/// <summary>`show session all [filter ...]`; <paramref name="CountOnly"/> for `filter count yes`.</summary>
public sealed record ShowSessionAllCommand(SessionFilter Filter, bool CountOnly = false) : Command;
