namespace VirtualFirewall.Engine.Time;

/// <summary>
/// A device clock that can be moved forward by hand: either fixed (it stands still between moves) or
/// following another clock (the host's) at an offset that each move adds to. It never runs backwards,
/// because sessions and logs that have aged on it cannot un-age.
/// </summary>
public sealed class AdjustableTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly TimeProvider? _follow;
    private DateTimeOffset _fixed;
    private TimeSpan _offset;
    private DateTimeOffset _last;

    /// <summary>A clock at <paramref name="start"/> that stands still (<paramref name="follow"/> null) or runs with <paramref name="follow"/>.</summary>
    /// <param name="start">The instant the clock shows now.</param>
    /// <param name="follow">The clock to run with, or null for a fixed clock.</param>
    public AdjustableTimeProvider(DateTimeOffset start, TimeProvider? follow)
    {
        _follow = follow;
        _fixed = start;
        _offset = follow is null ? TimeSpan.Zero : start - follow.GetUtcNow();
        _last = start;
    }

    public bool IsFixed => _follow is null;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            var now = _follow is null ? _fixed : _follow.GetUtcNow() + _offset;
            if (now < _last)
            {
                now = _last;
            }

            _last = now;
            return now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_gate)
        {
            _fixed += by;
            _offset += by;
        }
    }

    /// <summary>Moves the clock to <paramref name="value"/>, which must not be before now.</summary>
    /// <param name="value">The new time.</param>
    public void SetUtcNow(DateTimeOffset value)
    {
        var now = GetUtcNow();
        if (value < now)
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"The clock cannot go back (it is {now:O}).");
        }

        Advance(value - now);
    }
}
