namespace VirtualFirewall.Engine.Configuration;

/// <summary>A value (or members) given to a leaf or member list below <see cref="Path"/>.</summary>
public sealed record ConfigAssignment(IReadOnlyList<ConfigStep> Path, SchemaNode Target, IReadOnlyList<string> Values);
