using System.Text;
using VirtualFirewall.Emulator.Terminal;
using VirtualFirewall.Fuzz.Support;

namespace VirtualFirewall.Fuzz.Targets;

/// <summary>
/// Terminal bytes to keys to the edited line: the key decoder must give the same keys however the bytes
/// are split, and the line editor must keep its cursor inside the line and off the middle of a surrogate
/// pair, and the line within its length limit.
/// </summary>
public sealed class KeysTarget : IFuzzTarget
{
    public string Name => "keys";

    public void Run(ReadOnlySpan<byte> input)
    {
        var keys = new List<Key>();
        new KeyDecoder().Decode(input, keys);
        var split = new KeyDecoder();
        var byByte = new List<Key>();
        foreach (var b in input)
        {
            split.Decode([b], byByte);
        }

        if (!keys.SequenceEqual(byByte))
        {
            throw new InvariantViolationException("decoding byte by byte gave other keys than decoding at once");
        }

        var editor = new LineEditor();
        var echo = new StringBuilder();
        foreach (var key in keys)
        {
            editor.Apply(key, echo);
            Check(editor);
        }
    }

    private static void Check(LineEditor editor)
    {
        var text = editor.Text;
        var cursor = editor.Cursor;
        if (cursor < 0 || cursor > text.Length)
        {
            throw new InvariantViolationException($"cursor {cursor} outside a line of {text.Length}");
        }

        if (cursor > 0 && cursor < text.Length && char.IsHighSurrogate(text[cursor - 1]) && char.IsLowSurrogate(text[cursor]))
        {
            throw new InvariantViolationException($"cursor {cursor} inside a surrogate pair");
        }

        if (text.Length > LineEditor.MaxLineLength)
        {
            throw new InvariantViolationException($"line of {text.Length} past the limit of {LineEditor.MaxLineLength}");
        }
    }
}
