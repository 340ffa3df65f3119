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

    /// <summary>A whole number in [min, max] as a long (session ids run to 2^32 - 1).</summary>
    public static Parser<char, object> UnsignedInRange(long min, long max) =>
        Digit.AtLeastOnceString()
            .Before(Parser<char>.End)
            .Select(digits => long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (long?)null)
            .Assert(n => n is not null && n.Value >= min && n.Value <= max, "number out of range")
            .Select(n => (object)n!.Value);

    /// <summary>A dotted-quad IPv4 address, each part 0 to 255, no leading zeros beyond a single 0.</summary>
    public static Parser<char, object> Ipv4Address { get; } =
        Digit.AtLeastOnceString()
            .Assert(IsOctet, "octet out of range")
            .SeparatedAtLeastOnce(Char('.'))
            .Before(Parser<char>.End)
            .Assert(parts => parts.Count() == 4, "four octets")
            .Select(parts => (object)System.Net.IPAddress.Parse(string.Join('.', parts)));

    /// <summary>Any single word: names of zones, rules, applications.</summary>
    public static Parser<char, object> Word { get; } =
        Parser<char>.Any.AtLeastOnceString().Before(Parser<char>.End).Select(w => (object)w);

    /// <summary>One of fixed keywords, as typed.</summary>
    public static Parser<char, object> Choice(params string[] words) =>
        Parser<char>.Any.AtLeastOnceString()
            .Before(Parser<char>.End)
            .Assert(w => words.Contains(w, StringComparer.Ordinal), "not one of the choices")
            .Select(w => (object)w);

    private static bool IsOctet(string digits) =>
        digits.Length <= 3 && (digits.Length == 1 || digits[0] != '0')
        && int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) <= 255;
}
