namespace VirtualFirewall.Engine.Commands;

/// <summary>`clear session id &lt;n&gt;`</summary>
public sealed record ClearSessionIdCommand(uint Id) : Command;
