using System.Buffers;
using System.Text;

namespace VirtualFirewall.Engine;

/// <summary>
/// A command's output made piece by piece, for listings that can run to hundreds of megabytes
/// (`show session all` of a million sessions): a transport asks for the next piece when the client
/// has taken the last one, so the listing neither waits to be rendered whole nor sits whole in memory.
/// Pieces are rendered under the device's lock (<see cref="Device.ContinueOutput"/>), from what the
/// command selected when it ran, straight into the transport's buffer as UTF-8 with its line ends:
/// at a million sessions, building text and then encoding it cost as much as everything else together.
/// </summary>
public abstract class StreamedOutput
{
    /// <summary>
    /// About how many bytes one piece holds. Two pieces and the rest of a transport's budget stay
    /// under the 85,000 bytes beyond which .NET allocates on the large-object heap.
    /// </summary>
    public const int PieceBytes = 24 * 1024;

    /// <summary>Writes the next piece (about <see cref="PieceBytes"/>) to <paramref name="utf8"/>. False once everything was written.</summary>
    /// <param name="utf8">Where the piece goes, as UTF-8.</param>
    /// <param name="lineEnd">How its lines end.</param>
    /// <returns>True while more follows.</returns>
    protected internal abstract bool WriteNext(IBufferWriter<byte> utf8, LineEnd lineEnd);

    /// <summary>The whole output at once, for callers that need all of it (pipes, the pager, replays).</summary>
    /// <param name="device">The device whose lock guards the rendering.</param>
    /// <returns>The text, with `\n` line ends.</returns>
    public string ReadToEnd(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var bytes = new ArrayBufferWriter<byte>();
        while (device.ContinueOutput(this, bytes, LineEnd.Lf))
        {
        }

        return Encoding.UTF8.GetString(bytes.WrittenSpan);
    }
}
