namespace VirtualFirewall.Engine.Configuration;

/// <summary>
/// One node of the configuration schema: its name, shape, help text and what values it accepts. For an
/// entry list, <see cref="Children"/> are the children of each entry and <see cref="Validate"/> checks
/// entry names.
/// </summary>
public sealed class SchemaNode
{
    public SchemaNode(string name, SchemaKind kind, string help, IReadOnlyList<SchemaNode>? children = null, Func<string, string?>? validate = null, IReadOnlyList<string>? choices = null)
    {
        Name = name;
        Kind = kind;
        Help = help;
        Children = children ?? [];
        Validate = validate;
        Choices = choices ?? [];
    }

    public string Name { get; }
    public SchemaKind Kind { get; }
    public string Help { get; }
    public IReadOnlyList<SchemaNode> Children { get; }

    /// <summary>Checks a value, member or entry name: null when valid, else the reason PAN-OS prints.</summary>
    public Func<string, string?>? Validate { get; }

    /// <summary>The only values a leaf accepts, when it is an enumeration (`action allow|deny|drop...`).</summary>
    public IReadOnlyList<string> Choices { get; }

    /// <summary>True for a value PAN-OS asks for interactively instead of on the line (`password`).</summary>
    public bool IsInteractive { get; init; }

    public SchemaNode? Child(string name)
    {
        foreach (var child in Children)
        {
            if (string.Equals(child.Name, name, StringComparison.Ordinal))
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>Null when the value is acceptable for this leaf or member list, else the reason.</summary>
    public string? Check(string value)
    {
        if (Choices.Count > 0 && !Choices.Contains(value, StringComparer.Ordinal))
        {
            return string.Empty;
        }

        return Validate?.Invoke(value);
    }
}
