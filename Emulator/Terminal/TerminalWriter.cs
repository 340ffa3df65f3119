using System.Buffers;
using System.Text;

namespace VirtualFirewall.Emulator.Terminal;

/// <summary>
/// Collects what the CLI writes and hands it to the transport in one piece per reply (client
/// contract C15). Text inside the emulator ends lines with `\n`; this edge turns each into `\r\n`.
/// </summary>
public sealed class TerminalWriter
{
    private const int Window = 32 * 1024;

    private const int InitialCapacity = 1024;
    private const int KeptCapacity = 16 * 1024;

    private ArrayBufferWriter<byte> _pending = new(InitialCapacity);

    public void Write(string text) => Write(text.AsSpan());

    public void Write(ReadOnlySpan<char> text)
    {
        while (text.Length > Window)
        {
            // Windows never split a surrogate pair, which would encode as two replacement characters.
            var length = char.IsHighSurrogate(text[Window - 1]) ? Window - 1 : Window;
            WriteWindow(text[..length]);
            text = text[length..];
        }

        WriteWindow(text);
    }

    // One buffer request per window rather than per line: a listing has millions of lines, and
    // per-line calls showed in its profile.
    private void WriteWindow(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        // The exact size: asking for the worst case (3 bytes a char) grew every shell's buffer threefold.
        var span = _pending.GetSpan(Encoding.UTF8.GetByteCount(text) + text.Count('\n'));
        var written = 0;
        for (var end = text.IndexOf('\n'); end >= 0; end = text.IndexOf('\n'))
        {
            written += Encoding.UTF8.GetBytes(text[..end], span[written..]);
            span[written++] = (byte)'\r';
            span[written++] = (byte)'\n';
            text = text[(end + 1)..];
        }

        written += Encoding.UTF8.GetBytes(text, span[written..]);
        _pending.Advance(written);
    }

    public void Write(StringBuilder text)
    {
        // A `\n` is one char, so no line end straddles two chunks; a surrogate pair may, and is
        // encoded whole from the joined text instead.
        foreach (var chunk in text.GetChunks())
        {
            if (!chunk.IsEmpty && char.IsHighSurrogate(chunk.Span[^1]))
            {
                Write(text.ToString());
                return;
            }
        }

        foreach (var chunk in text.GetChunks())
        {
            Write(chunk.Span);
        }
    }

    /// <summary>For output already in the terminal's form (UTF-8, `\r\n` line ends): a streamed listing is rendered straight into it.</summary>
    public IBufferWriter<byte> TerminalBytes => _pending;

    public bool HasPending => _pending.WrittenCount > 0;

    /// <summary>Bytes written since the last <see cref="Take"/>.</summary>
    public int PendingCount => _pending.WrittenCount;

    /// <summary>Returns and clears what was written since the last call.</summary>
    public byte[] Take()
    {
        var bytes = _pending.WrittenSpan.ToArray();
        if (_pending.Capacity > KeptCapacity && bytes.Length <= KeptCapacity)
        {
            // One long reply must not leave every idle shell holding its buffer; a listing being
            // streamed (large takes, one after another) keeps it.
            _pending = new ArrayBufferWriter<byte>(InitialCapacity);
        }
        else
        {
            _pending.ResetWrittenCount();
        }

        return bytes;
    }
}
