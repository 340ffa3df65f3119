namespace VirtualFirewall.Engine.Commands;

/// <summary>`set cli pager on|off`</summary>
public sealed record SetCliPagerCommand(bool On) : Command;
