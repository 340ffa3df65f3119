using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace VirtualFirewall.Emulator.Inventory.Description;

/// <summary>
/// One YAML mapping of a description, read key by key: unknown keys and values of the wrong kind
/// become <see cref="DescriptionException"/>s that point at the line and column of the offending node.
/// </summary>
public sealed class YamlSection
{
    private readonly YamlMappingNode _node;

    public YamlSection(string file, string path, YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        File = file;
        Path = path;
        _node = node as YamlMappingNode ?? throw Error(node, $"{path} must be a mapping of keys to values");
    }

    public string File { get; }

    /// <summary>Reads the file at <paramref name="path"/> as one YAML document whose root is a mapping.</summary>
    /// <param name="path">The file.</param>
    /// <param name="what">What the file is, for messages (`a description`).</param>
    /// <returns>The root section.</returns>
    public static YamlSection LoadFile(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DescriptionException(path, 1, 1, "cannot read the file: " + e.Message);
        }

        return Load(text, path, what);
    }

    /// <summary>Reads <paramref name="text"/> as one YAML document whose root is a mapping; <paramref name="file"/> names it in messages.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="file">The file's name.</param>
    /// <param name="what">What the file is, for messages (`a description`).</param>
    /// <returns>The root section.</returns>
    public static YamlSection Load(string text, string file, string what)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new DescriptionException(file, e.Start.Line, e.Start.Column, "not valid YAML: " + (e.InnerException?.Message ?? e.Message));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet gives up on some malformed documents this way instead of with a YamlException (found by fuzzing).
            throw new DescriptionException(file, 1, 1, "not valid YAML: " + e.Message);
        }

        return stream.Documents.Count == 1
            ? new YamlSection(file, string.Empty, stream.Documents[0].RootNode)
            : throw new DescriptionException(file, 1, 1, $"{what} is exactly one YAML document");
    }

    /// <summary>Where the section is in the document (`sessions[2].end`), for messages.</summary>
    public string Path { get; }

    /// <summary>Refuses any key outside <paramref name="allowed"/>, naming the allowed ones.</summary>
    public void OnlyKeys(IReadOnlyList<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        foreach (var key in _node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name is null || !allowed.Contains(name, StringComparer.Ordinal))
            {
                throw Error(key, $"unknown key `{name ?? key.ToString()}` in {Path}; expected one of: {string.Join(", ", allowed)}");
            }
        }
    }

    public bool Has(string key) => Find(key) is not null;

    public YamlSection? Section(string key) =>
        Find(key) is { } node && !IsNull(node) ? new YamlSection(File, Join(key), node) : null;

    public string? Text(string key)
    {
        if (Find(key) is not { } node || IsNull(node))
        {
            return null;
        }

        return node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : throw Error(node, $"{Join(key)} must be a single value");
    }

    public string RequiredString(string key) =>
        Text(key) is { Length: > 0 } value ? value : throw Error(Find(key) ?? _node, $"{Join(key)} is required");

    /// <summary>The value, which must be one of <paramref name="choices"/>.</summary>
    public string? Choice(string key, params string[] choices)
    {
        var value = Text(key);
        return value is null || choices.Contains(value, StringComparer.Ordinal)
            ? value
            : throw Error(Find(key)!, $"{Join(key)}: `{value}` is not one of {string.Join(", ", choices)}");
    }

    public long? WholeNumber(string key, long min, long max)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Error(Find(key)!, $"{Join(key)}: `{text}` is not a whole number from {min} to {max}");
    }

    public double? Number(string key, double min, double max)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Error(Find(key)!, $"{Join(key)}: `{text}` is not a number from {min} to {max}");
    }

    public bool? Boolean(string key)
    {
        var text = Text(key);
        return text switch
        {
            null => null,
            "true" or "yes" => true,
            "false" or "no" => false,
            _ => throw Error(Find(key)!, $"{Join(key)}: `{text}` is not true or false"),
        };
    }

    /// <summary>A duration: `90s`, `5m`, `2h`, `1d`, or `[d.]hh:mm:ss`.</summary>
    public TimeSpan? Duration(string key)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        return DurationText.TryParse(text, out var value) && value >= TimeSpan.Zero
            ? value
            : throw Error(Find(key)!, $"{Join(key)}: `{text}` is not a duration (90s, 5m, 2h, 1d or hh:mm:ss)");
    }

    /// <summary>A moment: a duration after the device starts (`45s`), or an instant (`2013-09-09T16:44:01Z`).</summary>
    public DescriptionTime? Moment(string key)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var offset) && offset >= TimeSpan.Zero)
        {
            return DescriptionTime.After(offset);
        }

        return text.Contains('T', StringComparison.Ordinal) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? DescriptionTime.At(instant.ToUniversalTime())
            : throw Error(Find(key)!, $"{Join(key)}: `{text}` is neither a duration after the start (45s, 5m, \"hh:mm:ss\") nor an instant (2013-09-09T16:44:01Z)");
    }

    public DateTimeOffset? Instant(string key)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.ToUniversalTime()
            : throw Error(Find(key)!, $"{Join(key)}: `{text}` is not an instant (2026-11-27T18:56:14Z)");
    }

    /// <summary>A sequence of single values; a single value counts as a list of one. <paramref name="check"/> gives the reason an item is refused, or null.</summary>
    public IReadOnlyList<string> Strings(string key, Func<string, string?>? check = null)
    {
        if (Find(key) is not { } node || IsNull(node))
        {
            return [];
        }

        if (node is YamlScalarNode scalar)
        {
            var value = scalar.Value ?? string.Empty;
            return check?.Invoke(value) is { } reason ? throw Error(node, $"{Join(key)}: {reason}") : [value];
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw Error(node, $"{Join(key)} must be a list of values");
        }

        return [.. sequence.Children.Select((item, i) =>
        {
            var value = item is YamlScalarNode s ? s.Value ?? string.Empty : throw Error(item, $"{Join(key)}[{i}] must be a single value");
            return check?.Invoke(value) is { } reason ? throw Error(item, $"{Join(key)}[{i}]: {reason}") : value;
        })];
    }

    /// <summary>A sequence of mappings, each read by <paramref name="read"/>.</summary>
    public IReadOnlyList<T> Sections<T>(string key, Func<YamlSection, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (Find(key) is not { } node || IsNull(node))
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw Error(node, $"{Join(key)} must be a list");
        }

        return [.. sequence.Children.Select((item, i) => read(new YamlSection(File, $"{Join(key)}[{i}]", item)))];
    }

    /// <summary>An error at the node behind <paramref name="key"/> (or the section when it is absent).</summary>
    public DescriptionException ErrorAt(string key, string reason) => Error(Find(key) ?? _node, reason);

    public DescriptionException Error(YamlNode node, string reason)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new DescriptionException(File, node.Start.Line, node.Start.Column, reason);
    }

    private string Join(string key) => Path.Length == 0 ? key : Path + "." + key;

    private YamlNode? Find(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not YamlDotNet.Core.ScalarStyle.SingleQuoted and not YamlDotNet.Core.ScalarStyle.DoubleQuoted } scalar
        && scalar.Value is null or "~" or "null" or "";
}
