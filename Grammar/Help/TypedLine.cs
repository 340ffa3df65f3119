namespace VirtualFirewall.Grammar.Help;

/// <summary>
/// A line split as the <see cref="Lexing.Tokenizer"/> splits it (a double-quoted string is one word,
/// a quote also ends a bare word), except that it never fails: an unterminated quote is the word
/// still being typed. <see cref="Partial"/> is the word under the cursor, null when the line is
/// empty or ends with whitespace.
/// </summary>
internal sealed record TypedLine(IReadOnlyList<TypedWord> Complete, TypedWord? Partial)
{
    public static TypedLine Split(string typed)
    {
        var words = new List<TypedWord>();
        var i = 0;
        var lastEnd = -1;
        while (true)
        {
            while (i < typed.Length && char.IsWhiteSpace(typed[i]))
            {
                i++;
            }

            if (i == typed.Length)
            {
                break;
            }

            if (typed[i] == '"')
            {
                var close = typed.IndexOf('"', i + 1);
                if (close < 0)
                {
                    words.Add(new TypedWord(typed[(i + 1)..], Quoted: true, Open: true));
                    i = typed.Length;
                }
                else
                {
                    words.Add(new TypedWord(typed[(i + 1)..close], Quoted: true, Open: false));
                    i = close + 1;
                }
            }
            else
            {
                var start = i;
                while (i < typed.Length && typed[i] != '"' && !char.IsWhiteSpace(typed[i]))
                {
                    i++;
                }

                words.Add(new TypedWord(typed[start..i], Quoted: false, Open: false));
            }

            lastEnd = i;
        }

        if (words.Count > 0 && lastEnd == typed.Length)
        {
            return new TypedLine(words[..^1], words[^1]);
        }

        return new TypedLine(words, null);
    }
}
