using System.Globalization;
using System.Text;
using VirtualFirewall.Emulator.Persistence;

namespace VirtualFirewall.Emulator.Recording.Recorder;

/// <summary>
/// Writes recorded transcripts: a temporary file (mode 600 on Unix, in a directory made 700) renamed into place, under a name
/// no other session of this or another process takes (`&lt;stem&gt;-&lt;n&gt;.txt`, the first free n).
/// </summary>
internal static class TranscriptFiles
{
    private static int s_sequence;

    /// <summary>Writes <paramref name="text"/> and returns the file's path.</summary>
    public static string Write(string directory, string stem, string text)
    {
        PrivateFiles.CreateDirectory(directory);
        var temporary = Path.Combine(directory, "." + stem + "-" + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = PrivateFiles.Create(temporary))
            {
                stream.Write(new UTF8Encoding(false).GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            // File.Move without overwrite fails when the name exists, even if another process took it a moment ago.
            for (var attempt = 0; ; attempt++)
            {
                var n = Interlocked.Increment(ref s_sequence);
                var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}.txt"));
                try
                {
                    File.Move(temporary, path, overwrite: false);
                    return path;
                }
                catch (IOException) when (File.Exists(path) && attempt < 10_000)
                {
                    // Taken: try the next number.
                }
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
