namespace VirtualFirewall.Engine.Commands;

/// <summary>`set cli scripting-mode on|off`</summary>
public sealed record SetCliScriptingModeCommand(bool On) : Command;
