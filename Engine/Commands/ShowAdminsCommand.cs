namespace VirtualFirewall.Engine.Commands;

/// <summary>`show admins`</summary>
public sealed record ShowAdminsCommand : Command;
