using System.Text.RegularExpressions;

namespace VirtualFirewall.Engine.Rendering;

/// <summary>One `| match &lt;regex&gt;` (keep matching lines) or `| except &lt;regex&gt;` (drop them).</summary>
public sealed record OutputFilter(bool KeepMatches, Regex Pattern)
{
    public bool Keeps(string line)
    {
        try
        {
            return Pattern.IsMatch(line) == KeepMatches;
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological pattern gives up on the line rather than hanging the CLI.
            return !KeepMatches;
        }
    }
}
