namespace VirtualFirewall.Engine.Time;

/// <summary>
/// The device clock as the session engine sees it while the device catches up: held at each scheduled
/// event's time in turn, so that ageing and scripted events interleave in time order even when the
/// clock jumped far ahead in one move.
/// </summary>
internal sealed class CatchUpTimeProvider : TimeProvider
{
    private readonly TimeProvider _source;

    public CatchUpTimeProvider(TimeProvider source)
    {
        _source = source;
    }

    /// <summary>While set, time stands at this instant (never later than the real clock).</summary>
    public DateTimeOffset? HeldAt { get; set; }

    public override DateTimeOffset GetUtcNow()
    {
        var now = _source.GetUtcNow();
        return HeldAt is { } held && held < now ? held : now;
    }

    public override TimeZoneInfo LocalTimeZone => _source.LocalTimeZone;
}
