using System.Globalization;
using Pidgin;
using static Pidgin.Parser;

namespace VirtualFirewall.Grammar.Primitives;

/// <summary>Parsers for the values a command word can take. Each consumes a whole word.</summary>
public static class Values
{
    /// <summary>A decimal integer in [min, max], no sign, no leading `+`.</summary>
    public static Parser<char, object> IntegerInRange(int min, int max) =>
        Digit.AtLeastOnceString()
            .Before(Parser<char>.End)
            .Select(digits => int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
            .Assert(n => n is not null && n.Value >= min && n.Value <= max, "integer out of range")
            .Select(n => (object)n!.Value);
}
