namespace VirtualFirewall.Engine.Sessions;

/// <summary>
/// One copy of each name sessions carry (zones, applications, rules, users, interfaces): a table of a
/// million sessions repeats a few hundred names, and callers may build each name afresh. Bounded, so
/// a caller inventing names cannot grow it without limit; past the bound a name is kept as given.
/// </summary>
internal sealed class StringPool
{
    private const int MaxNames = 65_536;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public string Get(string name)
    {
        if (_names.TryGetValue(name, out var pooled))
        {
            return pooled;
        }

        if (_names.Count < MaxNames)
        {
            _names.Add(name, name);
        }

        return name;
    }

    public string? GetOrNull(string? name) => name is null ? null : Get(name);
}
