using VirtualFirewall.Engine.Configuration;
using VirtualFirewall.Grammar.Lexing;

namespace VirtualFirewall.Emulator.Inventory.Description;

/// <summary>A configuration `set` line of a description: split into words as the CLI splits them, and checked against the schema.</summary>
public static class ConfigLine
{
    /// <summary>The words (a leading `set` dropped), or null for a line that cannot be split (an open quote).</summary>
    public static IReadOnlyList<string>? Words(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!Tokenizer.TryTokenize(line, out var tokens))
        {
            return null;
        }

        var words = tokens.Select(t => t.Text).ToList();
        if (words.Count > 0 && string.Equals(words[0], "set", StringComparison.Ordinal))
        {
            words.RemoveAt(0);
        }

        return words;
    }

    /// <summary>Null when the line fits the configuration schema, else PAN-OS's reason.</summary>
    public static string? Check(string line)
    {
        if (Words(line) is not { } words)
        {
            return "unterminated quote";
        }

        if (words.Count == 0)
        {
            return "empty line";
        }

        if (ConfigWalk.Run(words, withValues: true).Error is not { } error)
        {
            return null;
        }

        // PAN-OS prints a reason, a blank line and `Invalid syntax.`: the reason is what a file's author needs.
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length > 1 && string.Equals(lines[^1], "Invalid syntax.", StringComparison.Ordinal) ? string.Join(' ', lines[..^1]) : string.Join(' ', lines);
    }
}
