using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Engine.Logs;

/// <summary>
/// Which entries `show log traffic` prints, and in what order: the options the CLI takes, as a pure
/// function of the log. Call it under the device lock: the entries come back as a list, so rendering
/// may happen after the lock is released.
/// </summary>
public static class TrafficLogQuerySelection
{
    /// <summary>
    /// The entries of <paramref name="log"/>, newest first when <paramref name="backward"/> (`direction
    /// equal backward`), oldest first otherwise (`direction equal forward`, and the default when the
    /// option is absent), that match <paramref name="query"/> (all when null), that carry a tracker stage
    /// when <paramref name="trackerOnly"/> (`show-tracker equal yes`), stopping after
    /// <paramref name="count"/> entries (all when null). The count applies after the filters, in the
    /// chosen direction: `direction equal backward` with a count of 2 gives the two newest matches.
    /// </summary>
    public static IReadOnlyList<TrafficLogEntry> Select(TrafficLog log, bool backward, TrafficLogQuery? query, bool trackerOnly, int? count)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (count is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(limit);
        }

        var selected = new List<TrafficLogEntry>(Math.Min(count ?? log.Count, log.Count));
        if (count == 0)
        {
            return selected;
        }

        foreach (var entry in backward ? log.NewestFirst() : log.OldestFirst())
        {
            if ((trackerOnly && entry.TrackerStage == TrackerStage.None) || (query is not null && !query.Matches(entry)))
            {
                continue;
            }

            selected.Add(entry);
            if (selected.Count == count)
            {
                break;
            }
        }

        return selected;
    }
}
