using Pidgin;
using static Pidgin.Parser;

namespace VirtualFirewall.Grammar.Lexing;

/// <summary>Splits a command line into words; a double-quoted string is one word.</summary>
public static class Tokenizer
{
    private static readonly Parser<char, Token> QuotedWord =
        Map(
            (start, text) => new Token(text, start, Quoted: true),
            Parser<char>.CurrentOffset,
            Char('"').Then(AnyCharExcept('"').ManyString()).Before(Char('"')));

    private static readonly Parser<char, Token> BareWord =
        Map(
            (start, text) => new Token(text, start, Quoted: false),
            Parser<char>.CurrentOffset,
            Parser<char>.Token(c => c != '"' && !char.IsWhiteSpace(c)).AtLeastOnceString());

    private static readonly Parser<char, IEnumerable<Token>> Line =
        SkipWhitespaces.Then(OneOf(QuotedWord, BareWord).Before(SkipWhitespaces).Many()).Before(Parser<char>.End);

    /// <summary>False for a line that cannot be split, such as one with an unterminated quote.</summary>
    public static bool TryTokenize(string line, out IReadOnlyList<Token> tokens)
    {
        var result = Line.Parse(line);
        if (result.Success)
        {
            tokens = [.. result.Value];
            return true;
        }

        tokens = [];
        return false;
    }
}
