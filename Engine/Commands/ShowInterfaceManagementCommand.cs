namespace VirtualFirewall.Engine.Commands;

/// <summary>`show interface management`</summary>
public sealed record ShowInterfaceManagementCommand : Command;
