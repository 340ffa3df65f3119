namespace VirtualFirewall.Engine.Configuration;

/// <summary>One step down a configuration path: a node, and for an entry list the entry's name.</summary>
public sealed record ConfigStep(SchemaNode Schema, string? EntryName)
{
    /// <summary>The words of this step on a command line: `system`, or `rules r1`.</summary>
    public IEnumerable<string> Words => EntryName is null ? [Schema.Name] : [Schema.Name, EntryName];
}
