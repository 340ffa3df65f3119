namespace VirtualFirewall.Engine.Rendering.Network;

/// <summary>An HA1 or HA2 link as one member sees it; the peer's side has only address and MAC.</summary>
public sealed record HaLinkView(string IpAddress, string MacAddress, string Interface, string LinkState, string Setting);
