using System.Text;

namespace VirtualFirewall.Engine.Logs;

/// <summary>
/// Recursive-descent parser of the PAN-OS log filter language:
/// <code>
/// filter  := or-expr | (blank)
/// or-expr := and-expr ("or" and-expr)*
/// and-expr:= unary ("and" unary)*
/// unary   := ("not" | "!") unary | "(" or-expr ")" | term
/// term    := field operator value
/// value   := word | 'quoted text' | "quoted text"
/// </code>
/// `and` binds tighter than `or` (the usual reading; the web UI always wraps each term in parentheses,
/// so its own filters never depend on it). Keywords, fields and operators are matched ignoring case;
/// values are not. A word ends at blank space or a parenthesis, so `(app eq ssl)` needs no spaces
/// around its parentheses. Returns null for any text that does not parse.
/// </summary>
internal static class TrafficLogQueryParser
{
    public static Func<TrafficLogEntry, bool>? Parse(string text)
    {
        var tokens = Tokenize(text);
        if (tokens is null)
        {
            return null;
        }

        if (tokens.Count == 1)
        {
            return static _ => true;
        }

        var cursor = new Cursor(tokens);
        var predicate = ParseOr(cursor);
        return predicate is not null && cursor.Peek.Kind == TokenKind.End ? predicate : null;
    }

    private static Func<TrafficLogEntry, bool>? ParseOr(Cursor cursor)
    {
        var left = ParseAnd(cursor);
        while (left is not null && cursor.Peek.IsKeyword("or"))
        {
            cursor.Next();
            var right = ParseAnd(cursor);
            if (right is null)
            {
                return null;
            }

            var first = left;
            left = e => first(e) || right(e);
        }

        return left;
    }

    private static Func<TrafficLogEntry, bool>? ParseAnd(Cursor cursor)
    {
        var left = ParseUnary(cursor);
        while (left is not null && cursor.Peek.IsKeyword("and"))
        {
            cursor.Next();
            var right = ParseUnary(cursor);
            if (right is null)
            {
                return null;
            }

            var first = left;
            left = e => first(e) && right(e);
        }

        return left;
    }

    private static Func<TrafficLogEntry, bool>? ParseUnary(Cursor cursor)
    {
        var token = cursor.Peek;
        if (token.Kind == TokenKind.Bang || token.IsKeyword("not"))
        {
            cursor.Next();
            var operand = ParseUnary(cursor);
            return operand is null ? null : e => !operand(e);
        }

        if (token.Kind == TokenKind.Open)
        {
            cursor.Next();
            var inner = ParseOr(cursor);
            if (inner is null || cursor.Peek.Kind != TokenKind.Close)
            {
                return null;
            }

            cursor.Next();
            return inner;
        }

        return ParseTerm(cursor);
    }

    private static Func<TrafficLogEntry, bool>? ParseTerm(Cursor cursor)
    {
        var field = cursor.Next();
        var op = cursor.Next();
        var value = cursor.Next();
        if (field.Kind != TokenKind.Word || op.Kind != TokenKind.Word || value.Kind is not (TokenKind.Word or TokenKind.Quoted))
        {
            return null;
        }

        return TrafficLogQueryFields.Term(field.Text, op.Text, value.Text);
    }

    /// <summary>The tokens of <paramref name="text"/>, ending with an End token; null for an unclosed quote.</summary>
    private static List<Token>? Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or '!')
            {
                tokens.Add(new Token(c switch { '(' => TokenKind.Open, ')' => TokenKind.Close, _ => TokenKind.Bang }, c.ToString()));
                i++;
            }
            else if (c is '\'' or '"')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0)
                {
                    return null;
                }

                tokens.Add(new Token(TokenKind.Quoted, text[(i + 1)..end]));
                i = end + 1;
            }
            else
            {
                var word = new StringBuilder();
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '\'' or '"'))
                {
                    word.Append(text[i]);
                    i++;
                }

                tokens.Add(new Token(TokenKind.Word, word.ToString()));
            }
        }

        tokens.Add(new Token(TokenKind.End, string.Empty));
        return tokens;
    }

    private enum TokenKind
    {
        Word,
        Quoted,
        Open,
        Close,
        Bang,
        End,
    }

    private readonly record struct Token(TokenKind Kind, string Text)
    {
        public bool IsKeyword(string keyword) =>
            Kind == TokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
    }

    private sealed class Cursor(List<Token> tokens)
    {
        private int _position;

        public Token Peek => tokens[_position];

        /// <summary>The current token, moving past it unless it is the End token.</summary>
        public Token Next()
        {
            var token = tokens[_position];
            if (token.Kind != TokenKind.End)
            {
                _position++;
            }

            return token;
        }
    }
}
