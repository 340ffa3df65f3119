using VirtualFirewall.Engine.Rendering;

namespace VirtualFirewall.Engine.Configuration;

/// <summary>
/// Reads the words of a configuration command against the schema: the path they name and, for `set`,
/// the values they give. After a leaf's value the next word may name a sibling, so one line can set
/// several fields (`set rulebase security rules r1 from trust to untrust action allow`).
/// </summary>
public sealed class ConfigWalk
{
    private ConfigWalk(IReadOnlyList<ConfigStep> path, IReadOnlyList<ConfigAssignment> assignments, string? error)
    {
        Path = path;
        Assignments = assignments;
        Error = error;
    }

    /// <summary>The deepest node the words reach (a leaf or member list when the line ends on one without a value).</summary>
    public IReadOnlyList<ConfigStep> Path { get; }

    public IReadOnlyList<ConfigAssignment> Assignments { get; }

    /// <summary>The text PAN-OS prints when the words do not fit the schema; null when they do.</summary>
    public string? Error { get; }

    public static ConfigWalk Run(IReadOnlyList<string> words, bool withValues)
    {
        var path = new List<ConfigStep>();
        var assignments = new List<ConfigAssignment>();
        var node = ConfigSchema.Root;
        var i = 0;
        while (i < words.Count)
        {
            var child = node.Child(words[i]);
            if (child is null)
            {
                return Fail(Messages.InvalidSyntax);
            }

            switch (child.Kind)
            {
                case SchemaKind.Container:
                    path.Add(new ConfigStep(child, null));
                    node = child;
                    i++;
                    break;
                case SchemaKind.EntryList when i + 1 >= words.Count:
                    path.Add(new ConfigStep(child, null));
                    i++;
                    break;
                case SchemaKind.EntryList:
                    if (child.Validate?.Invoke(words[i + 1]) is { } badName)
                    {
                        return Fail(Reason(badName));
                    }

                    path.Add(new ConfigStep(child, words[i + 1]));
                    node = child;
                    i += 2;
                    break;
                default:
                    if (!withValues || i + 1 >= words.Count)
                    {
                        path.Add(new ConfigStep(child, null));
                        i++;
                        if (i < words.Count)
                        {
                            return Fail(Messages.InvalidSyntax);
                        }

                        break;
                    }

                    var (values, used) = ReadValues(child, words, i + 1);
                    if (values is null)
                    {
                        return Fail(Messages.InvalidSyntax);
                    }

                    foreach (var value in values)
                    {
                        if (child.Check(value) is { } reason)
                        {
                            return Fail(Reason(reason));
                        }
                    }

                    assignments.Add(new ConfigAssignment([.. path], child, values));
                    i += 1 + used;
                    break;
            }
        }

        return new ConfigWalk(path, assignments, null);
    }

    // A reason line, a blank line, then `Invalid syntax.` (panos-cli-reference.md §2.6).
    private static string Reason(string reason) =>
        reason.Length == 0 ? Messages.InvalidSyntax : reason + "\n\n" + Messages.InvalidSyntax;

    private static ConfigWalk Fail(string error) => new([], [], error);

    /// <summary>One value, or for a member list `[ a b ]`. Null when the brackets do not close.</summary>
    private static (List<string>? Values, int Used) ReadValues(SchemaNode target, IReadOnlyList<string> words, int at)
    {
        if (target.Kind != SchemaKind.MemberList || !string.Equals(words[at], "[", StringComparison.Ordinal))
        {
            return ([words[at]], 1);
        }

        var values = new List<string>();
        for (var i = at + 1; i < words.Count; i++)
        {
            if (string.Equals(words[i], "]", StringComparison.Ordinal))
            {
                return values.Count == 0 ? (null, 0) : (values, i - at + 1);
            }

            values.Add(words[i]);
        }

        return (null, 0);
    }
}
