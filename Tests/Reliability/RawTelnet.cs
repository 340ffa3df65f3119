using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VirtualFirewall.Tests.Reliability;

/// <summary>
/// A Telnet client that answers no option and reads only when told to: it can log in, then stop
/// reading, or drop the connection at any moment. Its receive buffer is small so that a stall is felt
/// by the server soon.
/// </summary>
internal sealed class RawTelnet : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly StringBuilder _received = new();

    private RawTelnet(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<RawTelnet> ConnectAsync(IPEndPoint endpoint, CancellationToken cancellation)
    {
        var tcp = new TcpClient(AddressFamily.InterNetwork) { ReceiveBufferSize = 4096, NoDelay = true };
        try
        {
            await tcp.ConnectAsync(endpoint, cancellation);
            return new RawTelnet(tcp);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    public static async Task<RawTelnet> LogInAsync(IPEndPoint endpoint, CancellationToken cancellation)
    {
        var telnet = await ConnectAsync(endpoint, cancellation);
        try
        {
            await telnet.ReadToAsync("login: ", cancellation);
            await telnet.SendAsync("admin\r\n", cancellation);
            await telnet.ReadToAsync("Password: ", cancellation);
            await telnet.SendAsync("admin\r\n", cancellation);
            await telnet.ReadToAsync("\n" + FirewallUnderTest.Prompt, cancellation);
            return telnet;
        }
        catch
        {
            telnet.Dispose();
            throw;
        }
    }

    public Task SendAsync(string text, CancellationToken cancellation) => SendAsync(Encoding.UTF8.GetBytes(text), cancellation);

    public async Task SendAsync(byte[] bytes, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        await _stream.WriteAsync(bytes, timeout.Token);
    }

    /// <summary>Reads (as Latin-1, Telnet commands and all) until <paramref name="marker"/> has arrived since the last call; returns what came.</summary>
    public async Task<string> ReadToAsync(string marker, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var text = _received.ToString();
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                _received.Remove(0, at + marker.Length);
                return text[..(at + marker.Length)];
            }

            var read = await _stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                throw new EndOfStreamException($"closed while waiting for `{marker}`; received: {text}");
            }

            _received.Append(Encoding.Latin1.GetString(buffer, 0, read));
        }
    }

    /// <summary>What arrived after the last marker <see cref="ReadToAsync"/> found, and what <see cref="DrainUntilClosedAsync"/> read.</summary>
    public string Unread => _received.ToString();

    /// <summary>Reads until the server closes the connection; false if it is still open after <paramref name="timeout"/>.</summary>
    public async Task<bool> DrainUntilClosedAsync(TimeSpan timeout, CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await _stream.ReadAsync(buffer, deadline.Token)) > 0)
            {
                if (_received.Length < 64 * 1024)
                {
                    _received.Append(Encoding.Latin1.GetString(buffer, 0, read));
                }
            }

            return true;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Drops the connection at once, with a reset, as a client that crashes or loses its network does.</summary>
    public void Abort()
    {
        _tcp.LingerState = new LingerOption(true, 0);
        _tcp.Dispose();
    }

    public void Dispose() => _tcp.Dispose();
}
