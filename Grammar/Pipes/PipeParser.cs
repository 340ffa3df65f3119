using System.Text.RegularExpressions;
using VirtualFirewall.Engine.Rendering;
using VirtualFirewall.Grammar.Lexing;

namespace VirtualFirewall.Grammar.Pipes;

/// <summary>`| match &lt;regex&gt;` and `| except &lt;regex&gt;`, chained. Null for anything else.</summary>
internal static class PipeParser
{
    // Patterns come from users: matching a line must never hang the CLI (standards: bad input never hangs).
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The stages that may follow `|`, in `?` order, with their help texts. The texts are not from a
    /// capture (no PAN-OS listing of `| ?` is in the reference); they describe what the stages do.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Stages { get; } =
    [
        new("except", "Do not show lines that match a pattern"),
        new("match", "Only show lines that match a pattern"),
    ];

    /// <summary>Help text of the pattern that follows a stage keyword (not from a capture).</summary>
    public const string PatternHelp = "Regular expression";

    /// <param name="tokens">The words after the first `|`.</param>
    public static OutputPipeline? Parse(IReadOnlyList<Token> tokens)
    {
        var filters = new List<OutputFilter>();
        var i = 0;
        while (true)
        {
            if (i + 1 >= tokens.Count)
            {
                return null;
            }

            var keep = tokens[i].Text switch
            {
                "match" => (bool?)true,
                "except" => false,
                _ => null,
            };
            if (keep is null)
            {
                return null;
            }

            Regex pattern;
            try
            {
                pattern = new Regex(tokens[i + 1].Text, RegexOptions.CultureInvariant, MatchTimeout);
            }
            catch (ArgumentException)
            {
                return null;
            }

            filters.Add(new OutputFilter(keep.Value, pattern));
            i += 2;
            if (i == tokens.Count)
            {
                return new OutputPipeline(filters);
            }

            if (!string.Equals(tokens[i].Text, "|", StringComparison.Ordinal) || tokens[i].Quoted)
            {
                return null;
            }

            i++;
        }
    }
}
