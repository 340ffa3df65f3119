using System.Net.Sockets;

namespace VirtualFirewall.Emulator.Hosting;

/// <summary>Accepts clients until the listener stops or the token is cancelled; each goes to <c>accepted</c> at once.</summary>
internal static class TcpAcceptLoop
{
    public static async Task RunAsync(TcpListener listener, Action<TcpClient> accepted, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            accepted(client);
        }
    }
}
