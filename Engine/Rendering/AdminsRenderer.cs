using System.Globalization;
using System.Text;

namespace VirtualFirewall.Engine.Rendering;

/// <summary>
/// `show admins`. No verbatim text capture exists. The columns and value formats are those of the
/// XML API reply to `&lt;show&gt;&lt;admins/&gt;&lt;/show&gt;` (admin, from, type, session-start `MM/DD HH:MM:SS`,
/// idle-for `HH:MM:SSs`; research note in the issue), with the text header naming the type column
/// `Client` as netmiko 4.x waits for (client contract C9). The layout, a header over a dashed rule
/// with blank lines around the table, follows `show jobs all` (panos-cli-reference.md §11).
/// </summary>
public static class AdminsRenderer
{
    private const int AdminWidth = 16;
    private const int FromWidth = 20;
    private const int ClientWidth = 7;
    private const int StartWidth = 18;

    public static string Render(IReadOnlyList<AdminRow> rows)
    {
        var text = new StringBuilder(256);
        text.Append('\n');
        text.Append("Admin".PadRight(AdminWidth))
            .Append("From".PadRight(FromWidth))
            .Append("Client".PadRight(ClientWidth))
            .Append("Session-start".PadRight(StartWidth))
            .Append("Idle-for\n");
        text.Append(new string('-', 80)).Append('\n');
        foreach (var row in rows)
        {
            text.Append(Column(row.Admin, AdminWidth))
                .Append(Column(row.From, FromWidth))
                .Append(Column(row.Client, ClientWidth))
                .Append(Column(row.SessionStartLocal.ToString("MM/dd HH:mm:ss", CultureInfo.InvariantCulture), StartWidth))
                .Append(IdleFor(row.IdleFor))
                .Append('\n');
        }

        text.Append('\n');
        return text.ToString();
    }

    /// <summary>`00:18:30s`: hours grow past two digits rather than wrapping into days.</summary>
    public static string IdleFor(TimeSpan idle)
    {
        if (idle < TimeSpan.Zero)
        {
            idle = TimeSpan.Zero;
        }

        var hours = (long)idle.TotalHours;
        return string.Create(CultureInfo.InvariantCulture, $"{hours:00}:{idle.Minutes:00}:{idle.Seconds:00}s");
    }

    // A value that fills its column still gets one separating space.
    private static string Column(string value, int width) =>
        value.Length >= width ? value + " " : value.PadRight(width);
}
