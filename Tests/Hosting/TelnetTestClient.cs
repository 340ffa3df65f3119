using System.Net;
using System.Net.Sockets;
using System.Text;
using VirtualFirewall.Emulator.Telnet;

namespace VirtualFirewall.Tests.Hosting;

/// <summary>
/// A small Telnet client for tests: it either refuses every option (as Python's telnetlib does) or
/// accepts every option the server asks for, answering NAWS and TTYPE. It keeps the data it received
/// with the Telnet commands removed.
/// </summary>
internal sealed class TelnetTestClient : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly bool _acceptAll;
    private readonly TelnetDecoder _decoder = new();
    private readonly Lock _gate = new();
    private readonly List<byte> _data = [];
    private readonly HashSet<(byte, byte)> _answered = [];
    private readonly Task _reader;
    private readonly CancellationTokenSource _stop = new();

    private TelnetTestClient(TcpClient client, bool acceptAll)
    {
        _client = client;
        _stream = client.GetStream();
        _acceptAll = acceptAll;
        _reader = ReadLoopAsync();
    }

    public List<TelnetEvent> Negotiations { get; } = [];

    public bool Closed { get; private set; }

    public static async Task<TelnetTestClient> ConnectAsync(IPEndPoint endpoint, bool acceptAll = false)
    {
        var client = new TcpClient();
        await client.ConnectAsync(endpoint);
        return new TelnetTestClient(client, acceptAll);
    }

    public byte[] Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _data];
            }
        }
    }

    public string ReceivedText => Encoding.UTF8.GetString(Received);

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] bytes)
    {
        await _stream.WriteAsync(TelnetEncoder.EscapeData(bytes));
    }

    public async Task SendRawAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

    /// <summary>Waits until the received data satisfies the condition; false on timeout.</summary>
    public async Task<bool> WaitForAsync(Func<byte[], bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition(Received))
            {
                return true;
            }

            if (Closed)
            {
                return condition(Received);
            }

            await Task.Delay(5);
        }

        return condition(Received);
    }

    public Task<bool> WaitForTextAsync(string text, TimeSpan timeout) =>
        WaitForAsync(bytes => Encoding.UTF8.GetString(bytes).Contains(text, StringComparison.Ordinal), timeout);

    public async Task<bool> WaitClosedAsync(TimeSpan timeout)
    {
        var finished = await Task.WhenAny(_reader, Task.Delay(timeout));
        return finished == _reader;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _client.Dispose();
        try
        {
            await _reader;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // Closed underneath the reader.
        }

        _stop.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[8192];
        try
        {
            while (true)
            {
                var read = await _stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    break;
                }

                foreach (var item in _decoder.Decode(buffer.AsSpan(0, read)))
                {
                    await HandleAsync(item);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // Connection closed.
        }
        finally
        {
            Closed = true;
        }
    }

    private async Task HandleAsync(TelnetEvent item)
    {
        switch (item)
        {
            case TelnetData data:
                lock (_gate)
                {
                    _data.AddRange(data.Bytes);
                }

                break;
            case TelnetNegotiation negotiation:
                lock (_gate)
                {
                    Negotiations.Add(negotiation);
                }

                await AnswerAsync(negotiation);
                break;
            case TelnetSubnegotiation { Option: TelnetCodes.TTYPE } when _acceptAll:
                lock (_gate)
                {
                    Negotiations.Add(item);
                }

                await _stream.WriteAsync(TelnetEncoder.Subnegotiation(TelnetCodes.TTYPE, [TelnetCodes.IS, .. "XTERM"u8]));
                break;
            default:
                lock (_gate)
                {
                    Negotiations.Add(item);
                }

                break;
        }
    }

    private async Task AnswerAsync(TelnetNegotiation negotiation)
    {
        if (negotiation.Verb is not (TelnetCodes.WILL or TelnetCodes.DO) || !_answered.Add((negotiation.Verb, negotiation.Option)))
        {
            return;
        }

        byte reply = (negotiation.Verb, _acceptAll) switch
        {
            (TelnetCodes.WILL, true) => TelnetCodes.DO,
            (TelnetCodes.WILL, false) => TelnetCodes.DONT,
            (_, true) => TelnetCodes.WILL,
            _ => TelnetCodes.WONT,
        };
        await _stream.WriteAsync(TelnetEncoder.Negotiation(reply, negotiation.Option));
        if (_acceptAll && reply == TelnetCodes.WILL && negotiation.Option == TelnetCodes.NAWS)
        {
            await _stream.WriteAsync(TelnetEncoder.Subnegotiation(TelnetCodes.NAWS, [0, 120, 0, 40]));
        }
    }
}
