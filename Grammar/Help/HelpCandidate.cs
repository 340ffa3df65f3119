using Pidgin;

namespace VirtualFirewall.Grammar.Help;

/// <summary>
/// One thing that may come next: a row to show, plus how a partial word is matched against it —
/// by prefix for a keyword (<see cref="Keyword"/> not null), by the value parser for a value slot
/// (<see cref="Value"/> not null), never for `&lt;Enter&gt;`. <see cref="BarIsValue"/> is true only
/// for a pipe pattern: anywhere else an unquoted `|` starts a pipe, as Enter reads it.
/// </summary>
internal sealed record HelpCandidate(HelpRow Row, string? Keyword, Parser<char, object>? Value, bool BarIsValue = false)
{
    // A partial value is kept when appending one of these makes it acceptable: that covers numbers
    // being typed (`1` of `10`) and dotted quads being typed (`10.`, `10.1`, `10.1.2`).
    private static readonly string[] Probes = ["", "0", "1", ".0", "0.0", ".0.0", "0.0.0", ".0.0.0"];

    public static HelpCandidate ForKeyword(string marker, string keyword, string description) =>
        new(new HelpRow(marker, keyword, description), keyword, null);

    public static HelpCandidate ForValue(string placeholder, string description, Parser<char, object> value, bool barIsValue = false) =>
        new(new HelpRow(HelpRow.NoMarker, placeholder, description), null, value, barIsValue);

    public bool IsValue => Value is not null;

    public bool KeywordStartsWith(TypedWord partial) =>
        Keyword is { } keyword
        && keyword.StartsWith(partial.Text, StringComparison.Ordinal)
        && !(partial.Quoted && string.Equals(keyword, "|", StringComparison.Ordinal));

    /// <summary>
    /// Whether the partial word is, or could still become, a value of this slot. A word in an open
    /// quote always could: quoted values (queries, patterns) are checked when Enter is pressed.
    /// </summary>
    public bool CouldBeValue(TypedWord partial)
    {
        if (Value is null || (!BarIsValue && !partial.Quoted && string.Equals(partial.Text, "|", StringComparison.Ordinal)))
        {
            return false;
        }

        if (partial.Open)
        {
            return true;
        }

        foreach (var probe in Probes)
        {
            if (Value.Parse(partial.Text + probe).Success)
            {
                return true;
            }
        }

        return false;
    }
}
