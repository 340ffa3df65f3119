namespace VirtualFirewall.Engine.Commands;

/// <summary>`set cli terminal height &lt;n&gt;`</summary>
public sealed record SetCliTerminalHeightCommand(int Rows) : Command;
