namespace VirtualFirewall.Grammar.Help;

/// <summary>
/// One row of a `?` or Tab listing: a 2-character marker slot, the keyword (or a placeholder such
/// as `&lt;value&gt;`, `|`, `&lt;Enter&gt;`) and its description (panos-cli-gaps.md §4.1/§4.2).
/// </summary>
public sealed record HelpRow
{
    /// <summary>A keyword that opens a sub-tree (`> session` under `show`).</summary>
    public const string SubtreeMarker = "> ";

    /// <summary>An option that takes a value (`+ source` under `filter`).</summary>
    public const string OptionMarker = "+ ";

    /// <summary>A required keyword or value; see <see cref="CommandHelp"/> for why it is never produced.</summary>
    public const string RequiredMarker = "* ";

    /// <summary>A plain terminal keyword, a value placeholder, `|` or `&lt;Enter&gt;`.</summary>
    public const string NoMarker = "  ";

    public HelpRow(string marker, string keyword, string description)
    {
        ArgumentNullException.ThrowIfNull(marker);
        if (marker.Length != 2)
        {
            throw new ArgumentException("A help marker is exactly 2 characters.", nameof(marker));
        }

        Marker = marker;
        Keyword = keyword;
        Description = description;
    }

    /// <summary>Exactly 2 characters: `"> "`, `"+ "`, `"* "` or two spaces.</summary>
    public string Marker { get; }

    public string Keyword { get; }

    public string Description { get; }
}
