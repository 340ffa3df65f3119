using VirtualFirewall.Ssh;
using VirtualFirewall.Ssh.Transport;

namespace VirtualFirewall.Fuzz.Support;

/// <summary>Reads packets until the stream ends or one is rejected, decoding each payload.</summary>
internal static class SshPacketDrain
{
    public static void ReadAll(SshPacketReader reader)
    {
        try
        {
            // The stream completes synchronously, so the value task is already done.
            while (reader.ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult() is { } payload)
            {
                SshMessageDecoder.Decode(payload);
            }
        }
        catch (SshProtocolException)
        {
            // A malformed packet: the server would disconnect.
        }
    }
}
