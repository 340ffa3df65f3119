using System.Globalization;
using System.Text;

namespace VirtualFirewall.Emulator.Hosting;

/// <summary>Makes peer-supplied text safe for a log line: bounded, with control characters escaped.</summary>
internal static class LogText
{
    private const int MaxLength = 64;

    public static string Printable(string text)
    {
        var result = new StringBuilder(Math.Min(text.Length, MaxLength) + 8);
        foreach (var c in text.Length > MaxLength ? text[..MaxLength] : text)
        {
            if (char.IsControl(c))
            {
                result.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
            else
            {
                result.Append(c);
            }
        }

        if (text.Length > MaxLength)
        {
            result.Append('…');
        }

        return result.ToString();
    }
}
