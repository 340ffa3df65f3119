namespace VirtualFirewall.Engine.Commands;

/// <summary>`show session id &lt;n&gt;`</summary>
public sealed record ShowSessionIdCommand(uint Id) : Command;
