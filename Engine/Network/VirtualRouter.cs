namespace VirtualFirewall.Engine.Network;

/// <summary>A virtual router and the id `show routing route` prints after its name.</summary>
public sealed record VirtualRouter(string Name, int Id);
