using System.Globalization;

namespace VirtualFirewall.Engine.Rendering;

/// <summary>The timestamp layouts PAN-OS prints.</summary>
public static class PanosTime
{
    /// <summary>
    /// C asctime layout with a space-padded day: `Wed Jun  6 15:47:55 2018`
    /// (`Last login:` in panos-cli-gaps.md §5.2; `time:` in show system info).
    /// </summary>
    public static string Asctime(DateTime local) =>
        string.Create(CultureInfo.InvariantCulture, $"{local:ddd MMM} {local.Day,2} {local:HH:mm:ss yyyy}");

    /// <summary>Linux `date` layout `%a %b %e %H:%M:%S %Z %Y` (panos-cli-reference.md §7).</summary>
    public static string Date(DateTime local, string zone) =>
        string.Create(CultureInfo.InvariantCulture, $"{local:ddd MMM} {local.Day,2} {local:HH:mm:ss} {zone} {local:yyyy}");

    /// <summary>`uptime: 2 days, 2:38:49` (show system info samples, 7.0.1 to 9.0.0).</summary>
    public static string Uptime(TimeSpan uptime)
    {
        if (uptime < TimeSpan.Zero)
        {
            uptime = TimeSpan.Zero;
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{uptime.Days} days, {uptime.Hours}:{uptime.Minutes:00}:{uptime.Seconds:00}");
    }
}
