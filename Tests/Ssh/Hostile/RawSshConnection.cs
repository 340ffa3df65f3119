using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VirtualFirewall.Tests.Ssh.Hostile;

/// <summary>How the server left a hostile connection, as the client saw it.</summary>
internal enum Ending
{
    /// <summary>The server closed its side (FIN).</summary>
    EndOfStream,

    /// <summary>The server reset the connection (RST), typically because our unread bytes were still queued.</summary>
    Reset,

    /// <summary>Neither within the time allowed.</summary>
    StillOpen,
}

/// <summary>What a hostile connection received after the server's greeting, and how it ended.</summary>
internal sealed record Outcome(IReadOnlyList<byte[]> Packets, Ending Ending, TimeSpan Elapsed)
{
    public bool Closed => Ending is not Ending.StillOpen;

    /// <summary>The reason codes of the DISCONNECT packets received, in order.</summary>
    public IReadOnlyList<uint> DisconnectReasons => [.. Packets.Select(Wire.DisconnectReason).OfType<uint>()];

    /// <summary>The message numbers received, in order, for failure messages.</summary>
    public string Describe() =>
        $"{Ending} after {Elapsed.TotalMilliseconds:F0} ms, messages [{string.Join(", ", Packets.Select(p => p.Length == 0 ? "empty" : p[0].ToString(System.Globalization.CultureInfo.InvariantCulture)))}]";
}

/// <summary>
/// A raw TCP client that speaks just enough SSH to misbehave: it reads the server's version line and
/// unencrypted packets (everything the server sends before NEWKEYS) and sends whatever bytes a test gives it.
/// </summary>
internal sealed class RawSshConnection : IDisposable
{
    public const string ServerVersion = "SSH-2.0-VirtualFirewall_1.0";

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly Stopwatch _opened = Stopwatch.StartNew();
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private RawSshConnection(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    /// <summary>The server's version line without CR LF, once read.</summary>
    public string? ServerVersionLine { get; private set; }

    /// <summary>Time since the TCP connection was made.</summary>
    public TimeSpan Age => _opened.Elapsed;

    public static async Task<RawSshConnection> OpenAsync(int port, CancellationToken cancellation)
    {
        var client = new TcpClient(AddressFamily.InterNetwork) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return new RawSshConnection(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Opens a connection and reads the server's version line and KEXINIT, asserting both.</summary>
    public static async Task<RawSshConnection> OpenPastGreetingAsync(int port, CancellationToken cancellation)
    {
        var connection = await OpenAsync(port, cancellation);
        try
        {
            await connection.ExpectGreetingAsync(cancellation);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public async Task SendAsync(byte[] bytes, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        await _stream.WriteAsync(bytes, timeout.Token);
    }

    public Task SendAsync(string ascii, CancellationToken cancellation) => SendAsync(Encoding.ASCII.GetBytes(ascii), cancellation);

    /// <summary>Half-closes: the server sees end of stream, we can still read.</summary>
    public void ShutdownSend() => _client.Client.Shutdown(SocketShutdown.Send);

    /// <summary>Reads the version line and the KEXINIT the server sends at once, without waiting for us.</summary>
    public async Task ExpectGreetingAsync(CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        var line = await ReadVersionLineAsync(timeout.Token);
        Assert.That(line, Is.EqualTo(ServerVersion), "server version line");
        var kexInit = await ReadPacketAsync(timeout.Token);
        Assert.That(kexInit, Is.Not.Null, "server KEXINIT");
        Assert.That(kexInit![0], Is.EqualTo(Wire.KexInit), "the server's first packet");
    }

    /// <summary>
    /// Reads (the version line if not read yet, then) packets until the server closes the connection
    /// or <paramref name="timeout"/> passes. Elapsed is measured from when this was called.
    /// </summary>
    public async Task<Outcome> ReadUntilClosedAsync(TimeSpan timeout, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        var packets = new List<byte[]>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        try
        {
            if (ServerVersionLine is null)
            {
                var line = await ReadVersionLineAsync(deadline.Token);
                if (line is null)
                {
                    return new Outcome(packets, Ending.EndOfStream, watch.Elapsed);
                }
            }

            while (true)
            {
                var payload = await ReadPacketAsync(deadline.Token);
                if (payload is null)
                {
                    return new Outcome(packets, Ending.EndOfStream, watch.Elapsed);
                }

                packets.Add(payload);
            }
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return new Outcome(packets, Ending.StillOpen, watch.Elapsed);
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted })
        {
            return new Outcome(packets, Ending.Reset, watch.Elapsed);
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task<string?> ReadVersionLineAsync(CancellationToken cancellation)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var end = newline > _start && _buffer[newline - 1] == '\r' ? newline - 1 : newline;
                ServerVersionLine = Encoding.ASCII.GetString(_buffer, _start, end - _start);
                _start = newline + 1;
                return ServerVersionLine;
            }

            Assert.That(_end - _start, Is.LessThan(255), "the server's version line is too long");
            if (!await FillAsync(_end - _start + 1, cancellation))
            {
                return null;
            }
        }
    }

    /// <summary>One unencrypted packet's payload; null at end of stream between packets.</summary>
    private async Task<byte[]?> ReadPacketAsync(CancellationToken cancellation)
    {
        if (!await FillAsync(4, cancellation))
        {
            Assert.That(_end - _start, Is.Zero, "the server closed inside a packet length");
            return null;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(_start));
        Assert.That(length, Is.InRange(5u, 35_000u), "the server sent an unencrypted packet of a bad length");
        var total = 4 + (int)length;
        Assert.That(await FillAsync(total, cancellation), Is.True, "the server closed inside a packet");
        var padding = _buffer[_start + 4];
        Assert.That((int)padding, Is.InRange(4, (int)length - 1), "the server sent a bad padding length");
        var payload = _buffer.AsSpan(_start + 5, (int)length - 1 - padding).ToArray();
        _start += total;
        return payload;
    }

    private async Task<bool> FillAsync(int count, CancellationToken cancellation)
    {
        if (_end - _start >= count)
        {
            return true;
        }

        if (_buffer.Length - _start < count)
        {
            var bigger = new byte[Math.Max(_buffer.Length, count * 2)];
            Buffer.BlockCopy(_buffer, _start, bigger, 0, _end - _start);
            _end -= _start;
            _start = 0;
            _buffer = bigger;
        }

        while (_end - _start < count)
        {
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellation);
            if (read == 0)
            {
                return false;
            }

            _end += read;
        }

        return true;
    }
}
