using System.Text;

namespace VirtualFirewall.Fuzz.Support;

/// <summary>Fuzz bytes as text: UTF-8 with replacement characters, as a file reader or a terminal would see them.</summary>
internal static class FuzzText
{
    public static string Decode(ReadOnlySpan<byte> input) => Encoding.UTF8.GetString(input);
}
