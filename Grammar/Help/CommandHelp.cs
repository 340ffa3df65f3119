using VirtualFirewall.Engine.Rendering;

namespace VirtualFirewall.Grammar.Help;

/// <summary>
/// `?` help and Tab completion computed from a command tree (the operational tree today, the
/// configuration tree later: the root is a parameter). Pure functions of (root, typed text); they
/// never throw on user input.
/// </summary>
/// <remarks>
/// Markers: `> ` for a keyword with a sub-tree (option-set keywords such as `filter` included),
/// `+ ` for an option that takes a value, two spaces for plain keywords, value placeholders, `|` and
/// `&lt;Enter&gt;` (panos-cli-gaps.md §4.1/§4.2). `* ` (required) is never produced: the only
/// evidence is the docs' one-line definition, and no captured op-mode listing shows where PAN-OS
/// prints it, so guessing would put it on rows where the real CLI does not.
/// </remarks>
public static class CommandHelp
{
    /// <summary>What `?` lists after <paramref name="typed"/> (the line before the key).</summary>
    /// <returns>
    /// <see cref="HelpRows"/>: after whitespace (or on an empty line) everything that may follow; inside
    /// a word, the keywords starting with it and the value slots it could still become. Otherwise a
    /// <see cref="HelpFailure"/> with the message Enter would print for the first word that cannot be
    /// accepted: `Unknown command: word` for the first word, `Invalid syntax.` for a later one.
    /// </returns>
    public static HelpOutcome Describe(CommandNode root, string typed)
    {
        ArgumentNullException.ThrowIfNull(root);
        var line = TypedLine.Split(typed ?? string.Empty);
        if (!TryWalk(root, line, out var cursor, out var failedAt))
        {
            return Failure(failedAt, line.Complete[failedAt]);
        }

        var next = cursor.Next();
        if (line.Partial is not { } partial)
        {
            return new HelpRows([.. next.Select(c => c.Row)]);
        }

        var matches = Matching(next, partial);
        return matches.Count > 0
            ? new HelpRows([.. matches.Select(c => c.Row)])
            : Failure(line.Complete.Count, partial);
    }

    /// <summary>What Tab does after <paramref name="typed"/> (the line before the cursor).</summary>
    /// <returns>
    /// <see cref="Insert"/> when the word under the cursor can be completed (the rest of a unique
    /// keyword plus a space, or the longer common prefix of several); <see cref="Candidates"/> when
    /// the user has to choose (ambiguous keywords, a value to type, or nothing typed yet);
    /// <see cref="NoMatch"/> when nothing can follow.
    /// </returns>
    /// <remarks>
    /// After whitespace Tab lists exactly what `?` lists, `|` and `&lt;Enter&gt;` included: the one TAB
    /// capture (panos-cli-gaps.md §4.3) uses the `?` layout and ends with `&lt;value&gt;` at a node that
    /// is not yet a whole command, so nothing shows that TAB drops those rows, and listing them tells
    /// the user the command may end here. A keyword is not completed when a value slot could also
    /// take the word (the user may mean the value), nor inside quotes (the inserted text would land
    /// inside the quoted string): both list the candidates instead.
    /// </remarks>
    public static CompletionOutcome Complete(CommandNode root, string typed)
    {
        ArgumentNullException.ThrowIfNull(root);
        var line = TypedLine.Split(typed ?? string.Empty);
        if (!TryWalk(root, line, out var cursor, out _))
        {
            return NoMatch.Instance;
        }

        var next = cursor.Next();
        if (line.Partial is not { } partial)
        {
            return next.Count > 0 ? new Candidates([.. next.Select(c => c.Row)]) : NoMatch.Instance;
        }

        var matches = Matching(next, partial);
        if (matches.Count == 0)
        {
            return NoMatch.Instance;
        }

        var keywords = matches.Where(c => c.Keyword is not null).Select(c => c.Keyword!).ToList();
        if (partial.Quoted || keywords.Count < matches.Count)
        {
            return new Candidates([.. matches.Select(c => c.Row)]);
        }

        if (keywords.Count == 1)
        {
            return new Insert(keywords[0][partial.Text.Length..] + " ");
        }

        var common = CommonPrefix(keywords);
        return common.Length > partial.Text.Length
            ? new Insert(common[partial.Text.Length..])
            : new Candidates([.. matches.Select(c => c.Row)]);
    }

    private static bool TryWalk(CommandNode root, TypedLine line, out HelpCursor cursor, out int failedAt)
    {
        cursor = new HelpCursor(root);
        for (var i = 0; i < line.Complete.Count; i++)
        {
            if (!cursor.Advance(line.Complete[i]))
            {
                failedAt = i;
                return false;
            }
        }

        failedAt = -1;
        return true;
    }

    private static List<HelpCandidate> Matching(IReadOnlyList<HelpCandidate> next, TypedWord partial) =>
        [.. next.Where(c => c.KeywordStartsWith(partial) || c.CouldBeValue(partial))];

    // The message Enter gives for a word it cannot accept at this position (CommandLine.Parse).
    private static HelpFailure Failure(int index, TypedWord word) =>
        new(index == 0 ? Messages.UnknownCommand(word.Text) : Messages.InvalidSyntax);

    private static string CommonPrefix(List<string> words)
    {
        var prefix = words[0];
        foreach (var word in words.Skip(1))
        {
            var length = 0;
            while (length < prefix.Length && length < word.Length && prefix[length] == word[length])
            {
                length++;
            }

            prefix = prefix[..length];
        }

        return prefix;
    }
}
