using System.Globalization;
using System.Text;
using VirtualFirewall.Engine.Counters;

namespace VirtualFirewall.Engine.Rendering;

/// <summary>
/// `show counter global` (reference §4, the ntc-templates sample): `Global counters:`, the time since
/// the last sampling in seconds with three decimals, a blank line, the header, an 80-dash rule, one
/// line per counter, a rule, `Total counters shown: n`, a rule and a blank line. The plain, `delta`
/// and `severity` forms share this layout (the delta form's framing is the one dp-monitor.log carries,
/// panos-cli-gaps.md 2.4). Columns: name left-justified with at least one space after it, value
/// right-justified ending at column 43, rate ending at column 52, severity, category and aspect
/// left-justified in 9 columns plus a space, then the description. Names longer than 31 characters
/// push the rest of the line right (unverified on a device).
/// </summary>
internal static class GlobalCountersRenderer
{
    private static readonly string Rule = new('-', 80);

    public static string Render(CounterSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var text = new StringBuilder();
        text.Append("Global counters:\n");
        text.Append("Elapsed time since last sampling: ")
            .Append(sample.Elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture))
            .Append(" seconds\n\n");
        AppendLine(text, "name", "value", "rate", "severity", "category", "aspect", "description");
        text.Append(Rule).Append('\n');
        foreach (var row in sample.Rows)
        {
            var counter = row.Counter;
            AppendLine(
                text,
                counter.Name,
                row.Value.ToString(CultureInfo.InvariantCulture),
                row.Rate.ToString(CultureInfo.InvariantCulture),
                SeverityName(counter.Severity),
                counter.Category,
                counter.Aspect,
                counter.Description);
        }

        text.Append(Rule).Append('\n');
        text.Append("Total counters shown: ").Append(sample.Rows.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append(Rule).Append('\n');
        text.Append('\n');
        return text.ToString();
    }

    public static string SeverityName(CounterSeverity severity) => severity switch
    {
        CounterSeverity.Info => "info",
        CounterSeverity.Warn => "warn",
        CounterSeverity.Drop => "drop",
        CounterSeverity.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    private static void AppendLine(StringBuilder text, string name, string value, string rate, string severity, string category, string aspect, string description) =>
        text.Append(name.PadRight(31)).Append(' ')
            .Append(value.PadLeft(12)).Append(' ')
            .Append(rate.PadLeft(8)).Append(' ')
            .Append(severity.PadRight(9)).Append(' ')
            .Append(category.PadRight(9)).Append(' ')
            .Append(aspect.PadRight(9)).Append(' ')
            .Append(description).Append('\n');
}
