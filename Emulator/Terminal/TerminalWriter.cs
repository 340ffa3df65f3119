using System.Buffers;
using System.Text;

namespace VirtualFirewall.Emulator.Terminal;

/// <summary>
/// Collects what the CLI writes and hands it to the transport in one piece per reply (client
/// contract C15). Text inside the emulator ends lines with `\n`; this edge turns each into `\r\n`.
/// </summary>
public sealed class TerminalWriter
{
    private readonly ArrayBufferWriter<byte> _pending = new(1024);

    public void Write(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                Append(text.AsSpan(start, i - start));
                Append("\r\n");
                start = i + 1;
            }
        }

        Append(text.AsSpan(start));
    }

    public void Write(StringBuilder text) => Write(text.ToString());

    public bool HasPending => _pending.WrittenCount > 0;

    /// <summary>Returns and clears what was written since the last call.</summary>
    public byte[] Take()
    {
        var bytes = _pending.WrittenSpan.ToArray();
        _pending.ResetWrittenCount();
        return bytes;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var span = _pending.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var written = Encoding.UTF8.GetBytes(text, span);
        _pending.Advance(written);
    }
}
