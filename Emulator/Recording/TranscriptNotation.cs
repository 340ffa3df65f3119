using System.Globalization;
using System.Text;

namespace VirtualFirewall.Emulator.Recording;

/// <summary>
/// How a transcript writes what a screen cannot show. `⟨...⟩` holds bytes the server sends that are
/// not plain text: space-separated names (`BS`, `SP`, `CR`, `ESC`, ...), `xHH` for any byte, or
/// single literal characters (`⟨ESC [ K⟩`). `⟪...⟫` holds an action: a key the user presses
/// (`⟪ctrl-c⟫`, `⟪bs⟫`), text typed without echo (`⟪type secret⟫`), or, alone on a line, a clock move
/// (`⟪clock +00:05:00⟫`). Neither bracket pair occurs in PAN-OS output, which is ASCII.
/// </summary>
public static class TranscriptNotation
{
    public const char OutputOpen = '⟨';
    public const char OutputClose = '⟩';
    public const char ActionOpen = '⟪';
    public const char ActionClose = '⟫';

    private static readonly Dictionary<string, byte> ByteNames = new(StringComparer.Ordinal)
    {
        ["NUL"] = 0x00,
        ["BEL"] = 0x07,
        ["BS"] = 0x08,
        ["TAB"] = 0x09,
        ["LF"] = 0x0A,
        ["CR"] = 0x0D,
        ["ESC"] = 0x1B,
        ["SP"] = 0x20,
        ["DEL"] = 0x7F,
    };

    private static readonly Dictionary<byte, string> NamesByByte =
        ByteNames.Where(p => p.Key != "SP").ToDictionary(p => p.Value, p => p.Key);

    private static readonly Dictionary<string, byte[]> KeyBytes = new(StringComparer.Ordinal)
    {
        ["enter"] = "\r"u8.ToArray(),
        ["lf"] = "\n"u8.ToArray(),
        ["crlf"] = "\r\n"u8.ToArray(),
        ["crnul"] = "\r\0"u8.ToArray(),
        ["nul"] = [0x00],
        ["bs"] = [0x7F],
        ["ctrl-h"] = [0x08],
        ["del"] = "\e[3~"u8.ToArray(),
        ["ctrl-a"] = [0x01],
        ["ctrl-b"] = [0x02],
        ["ctrl-c"] = [0x03],
        ["ctrl-d"] = [0x04],
        ["ctrl-e"] = [0x05],
        ["ctrl-f"] = [0x06],
        ["ctrl-k"] = [0x0B],
        ["ctrl-u"] = [0x15],
        ["ctrl-w"] = [0x17],
        ["tab"] = [0x09],
        ["space"] = " "u8.ToArray(),
        ["esc"] = [0x1B],
        ["up"] = "\e[A"u8.ToArray(),
        ["down"] = "\e[B"u8.ToArray(),
        ["right"] = "\e[C"u8.ToArray(),
        ["left"] = "\e[D"u8.ToArray(),
        ["home"] = "\e[H"u8.ToArray(),
        ["end"] = "\e[F"u8.ToArray(),
    };

    public static bool TryKey(string name, out byte[] bytes) => KeyBytes.TryGetValue(name, out bytes!);

    /// <summary>Decodes the inside of a `⟨...⟩` group.</summary>
    public static bool TryDecodeOutput(string group, out byte[] bytes)
    {
        var result = new List<byte>();
        foreach (var part in group.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (ByteNames.TryGetValue(part, out var named))
            {
                result.Add(named);
            }
            else if (part.Length == 3 && part[0] == 'x'
                && byte.TryParse(part.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
            {
                result.Add(hex);
            }
            else if (part.Length == 1)
            {
                result.AddRange(Encoding.UTF8.GetBytes(part));
            }
            else
            {
                bytes = [];
                return false;
            }
        }

        bytes = [.. result];
        return true;
    }

    /// <summary>
    /// Writes server bytes the way a transcript shows them: `\r\n` as a line end, printable text as
    /// itself, every other byte (and an escape sequence's tail) inside `⟨...⟩`.
    /// </summary>
    public static string Render(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length + 16);
        var group = new List<string>();
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b == 0x0D && i + 1 < bytes.Length && bytes[i + 1] == 0x0A)
            {
                CloseGroup(text, group);
                text.Append('\n');
                i += 2;
                continue;
            }

            if (b < 0x20 || b == 0x7F)
            {
                group.Add(Name(b));
                i++;
                if (b == 0x1B)
                {
                    i = TakeEscapeTail(bytes, i, group);
                }

                continue;
            }

            if (group.Count > 0 && b == 0x20 && i + 1 < bytes.Length && bytes[i + 1] is < 0x20 or 0x7F && bytes[i + 1] != 0x0D)
            {
                // A space between control bytes, as in the `BS SP BS` of an erased character.
                group.Add("SP");
                i++;
                continue;
            }

            CloseGroup(text, group);
            var length = Utf8Length(bytes, i);
            text.Append(Encoding.UTF8.GetString(bytes.Slice(i, length)));
            i += length;
        }

        CloseGroup(text, group);
        return text.ToString();
    }

    private static int TakeEscapeTail(ReadOnlySpan<byte> bytes, int i, List<string> group)
    {
        if (i < bytes.Length && bytes[i] == (byte)'[')
        {
            group.Add("[");
            i++;
            while (i < bytes.Length && bytes[i] is >= 0x20 and <= 0x3F)
            {
                group.Add(bytes[i] == 0x20 ? "SP" : ((char)bytes[i]).ToString());
                i++;
            }

            if (i < bytes.Length && bytes[i] is >= 0x40 and <= 0x7E)
            {
                group.Add(((char)bytes[i]).ToString());
                i++;
            }
        }

        return i;
    }

    private static string Name(byte b) =>
        NamesByByte.TryGetValue(b, out var name) ? name : string.Create(CultureInfo.InvariantCulture, $"x{b:X2}");

    private static void CloseGroup(StringBuilder text, List<string> group)
    {
        if (group.Count == 0)
        {
            return;
        }

        text.Append(OutputOpen).AppendJoin(' ', group).Append(OutputClose);
        group.Clear();
    }

    private static int Utf8Length(ReadOnlySpan<byte> bytes, int i)
    {
        var b = bytes[i];
        var length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        return Math.Min(length, bytes.Length - i);
    }
}
