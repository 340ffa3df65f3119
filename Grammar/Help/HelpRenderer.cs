using System.Text;

namespace VirtualFirewall.Grammar.Help;

/// <summary>
/// Lays out `?` and Tab listings. Rule measured on every verbatim sample (panos-cli-reference.md §2.7,
/// panos-cli-gaps.md §4.1 and §4.3): the 2-character marker, the keyword left-justified in a field of
/// (longest keyword of the listing + 3) characters, then the description; every row ends with "\n".
/// </summary>
public static class HelpRenderer
{
    /// <summary>The gap between the longest keyword and its description.</summary>
    public const int Gap = 3;

    public static string Render(IReadOnlyList<HelpRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var width = 0;
        foreach (var row in rows)
        {
            width = Math.Max(width, row.Keyword.Length);
        }

        width += Gap;
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(row.Marker).Append(row.Keyword.PadRight(width)).Append(row.Description).Append('\n');
        }

        return text.ToString();
    }
}
