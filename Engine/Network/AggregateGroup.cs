namespace VirtualFirewall.Engine.Network;

/// <summary>An aggregate ethernet interface and its member ports (`aggregation groups:` in `show interface hardware`).</summary>
public sealed record AggregateGroup(string Name, IReadOnlyList<string> Members);
