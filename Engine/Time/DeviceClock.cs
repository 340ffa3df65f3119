namespace VirtualFirewall.Engine.Time;

/// <summary>The device's wall clock: the injected time source seen through the device's time zone.</summary>
public sealed class DeviceClock
{
    // .NET has no zone abbreviations; PAN-OS prints them (`show clock`: `Thu Feb  1 02:28:20 HKT 2024`).
    private static readonly Dictionary<string, (string Standard, string Daylight)> Abbreviations =
        new(StringComparer.Ordinal)
        {
            ["UTC"] = ("UTC", "UTC"),
            ["Etc/UTC"] = ("UTC", "UTC"),
            ["US/Pacific"] = ("PST", "PDT"),
            ["America/Los_Angeles"] = ("PST", "PDT"),
            ["US/Eastern"] = ("EST", "EDT"),
            ["America/New_York"] = ("EST", "EDT"),
            ["Europe/London"] = ("GMT", "BST"),
            ["Europe/Berlin"] = ("CET", "CEST"),
            ["Europe/Paris"] = ("CET", "CEST"),
            ["Asia/Hong_Kong"] = ("HKT", "HKT"),
            ["Asia/Tokyo"] = ("JST", "JST"),
        };

    private readonly TimeProvider _time;
    private readonly TimeZoneInfo _zone;
    private readonly string _zoneId;

    public DeviceClock(TimeProvider time, string timeZoneId)
    {
        _time = time;
        _zoneId = timeZoneId;
        _zone = string.Equals(timeZoneId, "UTC", StringComparison.Ordinal)
            ? TimeZoneInfo.Utc
            : TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
    }

    public TimeProvider Source => _time;

    public DateTimeOffset UtcNow => _time.GetUtcNow();

    public DateTime LocalNow => ToLocal(UtcNow);

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone).DateTime;

    public string ZoneAbbreviation(DateTimeOffset instant)
    {
        if (Abbreviations.TryGetValue(_zoneId, out var names))
        {
            return _zone.IsDaylightSavingTime(instant) ? names.Daylight : names.Standard;
        }

        var offset = _zone.GetUtcOffset(instant);
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{sign}{abs.Hours:00}{abs.Minutes:00}");
    }
}
