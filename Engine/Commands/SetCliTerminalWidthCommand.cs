namespace VirtualFirewall.Engine.Commands;

/// <summary>`set cli terminal width &lt;n&gt;`</summary>
public sealed record SetCliTerminalWidthCommand(int Columns) : Command;
