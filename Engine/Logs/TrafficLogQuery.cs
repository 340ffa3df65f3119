using System.Diagnostics.CodeAnalysis;

namespace VirtualFirewall.Engine.Logs;

/// <summary>
/// The filter of `show log traffic query equal "&lt;filter&gt;"`: the log filter language of the PAN-OS
/// web UI (Monitor &gt; Logs), e.g. `(addr.src in 10.10.10.2/30) and (app eq ssl)`,
/// `!(addr in 1.1.1.1)`, `(session_end_reason eq tcp-fin) or not (port.dst eq 443)`.
/// The grammar and the fields are in <see cref="TrafficLogQueryParser"/> and
/// <see cref="TrafficLogQueryFields"/>. A text that does not parse gives no query (the CLI prints
/// `Invalid syntax.`); it never throws.
/// </summary>
public sealed class TrafficLogQuery
{
    private readonly Func<TrafficLogEntry, bool> _predicate;

    private TrafficLogQuery(string text, Func<TrafficLogEntry, bool> predicate)
    {
        Text = text;
        _predicate = predicate;
    }

    /// <summary>The filter as typed (without the CLI's surrounding double quotes).</summary>
    public string Text { get; }

    /// <summary>
    /// Parses <paramref name="text"/>, the value after `query equal` with its surrounding double
    /// quotes removed. An empty or blank text is the empty filter of the web UI: it matches every entry.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out TrafficLogQuery? query)
    {
        ArgumentNullException.ThrowIfNull(text);
        var predicate = TrafficLogQueryParser.Parse(text);
        query = predicate is null ? null : new TrafficLogQuery(text, predicate);
        return query is not null;
    }

    public bool Matches(TrafficLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _predicate(entry);
    }

    public override string ToString() => Text;
}
