using System.Globalization;

namespace VirtualFirewall.Emulator.Inventory.Description;

/// <summary>Durations in descriptions and the control API: `90s`, `5m`, `2h`, `1d`, `250ms` or `[d.]hh:mm:ss[.fff]`.</summary>
public static class DurationText
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = default;
        var (unit, digits) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => (TimeSpan.TicksPerMillisecond, text[..^2]),
            _ when text.EndsWith('s') => (TimeSpan.TicksPerSecond, text[..^1]),
            _ when text.EndsWith('m') => (TimeSpan.TicksPerMinute, text[..^1]),
            _ when text.EndsWith('h') => (TimeSpan.TicksPerHour, text[..^1]),
            _ when text.EndsWith('d') => (TimeSpan.TicksPerDay, text[..^1]),
            _ => (0L, text),
        };
        if (unit == 0)
        {
            return text.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParseExact(text, ["c", @"d\.hh\:mm\:ss", @"hh\:mm\:ss"], CultureInfo.InvariantCulture, out value);
        }

        if (!double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount * unit > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)(amount * unit));
        return true;
    }
}
