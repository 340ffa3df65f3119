namespace VirtualFirewall.Engine.Jobs;

/// <summary>
/// One entry of the device's job list (`show jobs all`, panos-cli-reference.md §11). A job is
/// dequeued as soon as it is queued and runs for <see cref="Duration"/>; until then it shows
/// `ACT PEND` and a progress percentage, afterwards `FIN` and its <see cref="Result"/>.
/// </summary>
public sealed record Job(int Id, string Type, DateTimeOffset Enqueued)
{
    public TimeSpan Duration { get; init; }

    /// <summary>`OK` or `FAIL` once finished.</summary>
    public string Result { get; init; } = "OK";

    /// <summary>The `Details:` lines of `show jobs id`.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    public DateTimeOffset Dequeued => Enqueued;

    public DateTimeOffset Finished => Enqueued + Duration;

    public bool IsFinished(DateTimeOffset now) => now >= Finished;

    /// <summary>Percent done at <paramref name="now"/>, 0 to 100.</summary>
    public int Progress(DateTimeOffset now)
    {
        if (IsFinished(now))
        {
            return 100;
        }

        var done = (now - Enqueued).Ticks * 100 / Duration.Ticks;
        return (int)Math.Clamp(done, 0, 99);
    }
}
