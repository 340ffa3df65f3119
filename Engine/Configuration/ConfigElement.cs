namespace VirtualFirewall.Engine.Configuration;

/// <summary>
/// One element of a configuration tree. An entry of an entry list carries the list's schema and its
/// own name; a leaf has a <see cref="Value"/>, a member list <see cref="Members"/>; children keep the
/// order they were set in, as PAN-OS keeps XML order.
/// </summary>
public sealed class ConfigElement
{
    public ConfigElement(string name, SchemaNode schema, bool isEntry = false)
    {
        Name = name;
        Schema = schema;
        IsEntry = isEntry;
    }

    public string Name { get; private set; }
    public SchemaNode Schema { get; }
    public bool IsEntry { get; }
    public string? Value { get; set; }
    public List<string> Members { get; } = [];
    public List<ConfigElement> Children { get; } = [];

    public ConfigElement? Child(string name) => Children.Find(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    public ConfigElement GetOrAdd(string name, SchemaNode schema, bool isEntry)
    {
        if (Child(name) is { } existing)
        {
            return existing;
        }

        var child = new ConfigElement(name, schema, isEntry);
        Children.Add(child);
        return child;
    }

    public void Rename(string name) => Name = name;

    public ConfigElement Clone()
    {
        var copy = new ConfigElement(Name, Schema, IsEntry) { Value = Value };
        copy.Members.AddRange(Members);
        foreach (var child in Children)
        {
            copy.Children.Add(child.Clone());
        }

        return copy;
    }

    /// <summary>Same names, values, members and children in the same order.</summary>
    public bool SameAs(ConfigElement other)
    {
        if (!string.Equals(Name, other.Name, StringComparison.Ordinal) || !string.Equals(Value, other.Value, StringComparison.Ordinal)
            || !Members.SequenceEqual(other.Members, StringComparer.Ordinal) || Children.Count != other.Children.Count)
        {
            return false;
        }

        for (var i = 0; i < Children.Count; i++)
        {
            if (!Children[i].SameAs(other.Children[i]))
            {
                return false;
            }
        }

        return true;
    }
}
