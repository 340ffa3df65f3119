namespace VirtualFirewall.Engine.Commands;

/// <summary>`show routing route`</summary>
public sealed record ShowRoutingRouteCommand : Command;
