namespace VirtualFirewall.Engine.Configuration;

/// <summary>
/// The candidate and running configurations. PAN-OS keeps one candidate per device, shared by every
/// administrator; `commit` makes it the running configuration, `revert config` throws it away.
/// Callers hold the device lock.
/// </summary>
public sealed class DeviceConfiguration
{
    public DeviceConfiguration(ConfigElement running)
    {
        Running = running;
        Candidate = running.Clone();
    }

    public ConfigElement Running { get; private set; }

    public ConfigElement Candidate { get; private set; }

    /// <summary>True when the candidate differs from the running configuration.</summary>
    public bool HasChanges => !Candidate.SameAs(Running);

    public static ConfigElement NewRoot() => new(string.Empty, ConfigSchema.Root);

    /// <summary>Applies a `set`: creates the path and gives the values. Member lists gain members; leaves are replaced.</summary>
    public static void Set(ConfigElement root, IReadOnlyList<ConfigStep> path, IReadOnlyList<ConfigAssignment> assignments)
    {
        Ensure(root, path);
        foreach (var assignment in assignments)
        {
            var parent = Ensure(root, assignment.Path);
            var target = parent.GetOrAdd(assignment.Target.Name, assignment.Target, isEntry: false);
            if (assignment.Target.Kind == SchemaKind.Leaf)
            {
                target.Value = assignment.Values[0];
                continue;
            }

            foreach (var value in assignment.Values.Where(v => !target.Members.Contains(v, StringComparer.Ordinal)))
            {
                target.Members.Add(value);
            }
        }
    }

    /// <summary>
    /// Applies a `delete`: removes the element the path names, or only the given members of a member
    /// list. False when there was nothing to delete.
    /// </summary>
    public static bool Delete(ConfigElement root, IReadOnlyList<ConfigStep> path, IReadOnlyList<ConfigAssignment> members)
    {
        foreach (var assignment in members)
        {
            if (Find(root, assignment.Path)?.Child(assignment.Target.Name) is not { } list)
            {
                return false;
            }

            list.Members.RemoveAll(m => assignment.Values.Contains(m, StringComparer.Ordinal));
            if (list.Members.Count == 0)
            {
                Find(root, assignment.Path)!.Children.Remove(list);
            }
        }

        if (members.Count > 0)
        {
            return true;
        }

        if (path.Count == 0 || Find(root, [.. path.Take(path.Count - 1)]) is not { } parent)
        {
            return false;
        }

        var last = path[^1];
        var holder = parent.Child(last.Schema.Name);
        if (holder is null)
        {
            return false;
        }

        if (last.EntryName is null)
        {
            parent.Children.Remove(holder);
            return true;
        }

        var entry = holder.Child(last.EntryName);
        if (entry is null)
        {
            return false;
        }

        holder.Children.Remove(entry);
        if (holder.Children.Count == 0)
        {
            parent.Children.Remove(holder);
        }

        return true;
    }

    /// <summary>Renames an entry. False when it does not exist or the new name is taken.</summary>
    public static bool Rename(ConfigElement root, IReadOnlyList<ConfigStep> path, string newName)
    {
        var list = Find(root, [.. path.Take(path.Count - 1)])?.Child(path[^1].Schema.Name);
        var entry = list?.Child(path[^1].EntryName!);
        if (list is null || entry is null || list.Child(newName) is not null)
        {
            return false;
        }

        entry.Rename(newName);
        return true;
    }

    /// <summary>Moves an entry within its list: `top`, `bottom`, `before`/`after` another entry. False when either is missing.</summary>
    public static bool Move(ConfigElement root, IReadOnlyList<ConfigStep> path, string where, string? other)
    {
        var list = Find(root, [.. path.Take(path.Count - 1)])?.Child(path[^1].Schema.Name);
        var entry = list?.Child(path[^1].EntryName!);
        if (list is null || entry is null || (other is not null && (list.Child(other) is null || string.Equals(other, entry.Name, StringComparison.Ordinal))))
        {
            return false;
        }

        list.Children.Remove(entry);
        var at = where switch
        {
            "top" => 0,
            "bottom" => list.Children.Count,
            "before" => list.Children.IndexOf(list.Child(other!)!),
            _ => list.Children.IndexOf(list.Child(other!)!) + 1,
        };
        list.Children.Insert(at, entry);
        return true;
    }

    /// <summary>The element a path names in a tree, or null when it is not there.</summary>
    public static ConfigElement? Find(ConfigElement root, IReadOnlyList<ConfigStep> path)
    {
        var element = root;
        foreach (var step in path)
        {
            element = element.Child(step.Schema.Name);
            if (element is null)
            {
                return null;
            }

            if (step.EntryName is not null)
            {
                element = element.Child(step.EntryName);
                if (element is null)
                {
                    return null;
                }
            }
        }

        return element;
    }

    /// <summary>`set mgt-config users &lt;name&gt; password`: the candidate keeps only the hash.</summary>
    public void SetPassword(string user, string phash)
    {
        var path = ConfigWalk.Run(["mgt-config", "users", user, "phash", phash], withValues: true);
        Set(Candidate, path.Path, path.Assignments);
    }

    /// <summary>Makes the candidate the running configuration.</summary>
    public void Commit() => Running = Candidate.Clone();

    /// <summary>`load config from`: a whole configuration becomes the candidate.</summary>
    public void Replace(ConfigElement candidate) => Candidate = candidate;

    /// <summary>`revert config`: the candidate becomes the running configuration again.</summary>
    public void Revert()
    {
        Candidate = Running.Clone();
    }

    private static ConfigElement Ensure(ConfigElement root, IReadOnlyList<ConfigStep> path)
    {
        var element = root;
        foreach (var step in path)
        {
            element = element.GetOrAdd(step.Schema.Name, step.Schema, isEntry: false);
            if (step.EntryName is not null)
            {
                element = element.GetOrAdd(step.EntryName, step.Schema, isEntry: true);
            }
        }

        return element;
    }
}
