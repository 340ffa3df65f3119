using System.Text;

namespace VirtualFirewall.Engine;

/// <summary>
/// A command's output made piece by piece, for listings that can run to hundreds of megabytes
/// (`show session all` of a million sessions): a transport asks for the next piece when the client
/// has taken the last one, so the listing neither waits to be rendered whole nor sits whole in memory.
/// Pieces are rendered under the device's lock (<see cref="Device.ContinueOutput"/>), from what the
/// command selected when it ran.
/// </summary>
public abstract class StreamedOutput
{
    /// <summary>About how many characters one piece holds: below the large-object heap's threshold once encoded.</summary>
    public const int PieceLength = 16 * 1024;

    /// <summary>Appends the next piece (about <see cref="PieceLength"/> characters) to <paramref name="text"/>. False once everything was written.</summary>
    /// <param name="text">Where the piece goes.</param>
    /// <returns>True while more follows.</returns>
    protected internal abstract bool WriteNext(StringBuilder text);

    /// <summary>The whole output at once, for callers that need all of it (pipes, the pager, replays).</summary>
    /// <param name="device">The device whose lock guards the rendering.</param>
    /// <returns>The text.</returns>
    public string ReadToEnd(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var text = new StringBuilder();
        while (device.ContinueOutput(this, text))
        {
        }

        return text.ToString();
    }
}
