using VirtualFirewall.Ssh.IO;
using VirtualFirewall.Ssh.Messages.Connection;

namespace VirtualFirewall.Ssh;

/// <summary>
/// A `session` channel (RFC 4254 §6) as the application sees it: who, what terminal, and a way to
/// send output and end. Output is queued here and sent by the session within the client's window.
/// </summary>
public sealed class SshSessionChannel
{
    private readonly Lock _gate = new();
    private readonly Queue<object> _outgoing = new();
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);
    private readonly Action _wake;
    private long _pendingBytes;

    // What the client still accepts (RFC 4254 §5.2); under the queue's lock, so the writer never waits for the application.
    private long _remoteWindow;
    private int _headOffset;
    private int _deliveryScheduled;
    private bool _ending;

    internal SshSessionChannel(uint localId, uint remoteId, uint remoteWindow, uint remoteMaxPacket, string user, string remoteAddress, Action wake)
    {
        LocalId = localId;
        RemoteId = remoteId;
        _remoteWindow = remoteWindow;
        RemoteMaxPacket = Math.Max(1, remoteMaxPacket);
        User = user;
        RemoteAddress = remoteAddress;
        _wake = wake;
    }

    public string User { get; }

    public string RemoteAddress { get; }

    /// <summary>The `TERM` of the pty request, or null without a pty.</summary>
    public string? TerminalType { get; internal set; }

    public int Columns { get; internal set; } = 80;

    public int Rows { get; internal set; } = 24;

    public IReadOnlyDictionary<string, string> Environment => _environment;

    internal uint LocalId { get; }

    internal uint RemoteId { get; }

    internal uint RemoteMaxPacket { get; }

    internal ISshChannelHandler? Handler { get; set; }

    internal Lock HandlerGate { get; } = new();

    internal Queue<byte[]> InputBacklog { get; } = new();

    internal uint UnacknowledgedInput { get; set; }

    /// <summary>Input handed to the application but not yet granted back to the client as window.</summary>
    internal uint Acknowledged { get; set; }

    internal bool CloseSent { get; set; }

    internal bool CloseReceived { get; set; }

    internal bool HasPty { get; set; }

    /// <summary>Output queued and not yet sent: a handler streaming a long output keeps this topped up.</summary>
    public long PendingBytes
    {
        get
        {
            lock (_gate)
            {
                return _pendingBytes;
            }
        }
    }

    /// <summary>Queues a copy of <paramref name="data"/> for the client. After <see cref="Exit"/> or <see cref="Close"/>, output is dropped.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        if (!data.IsEmpty)
        {
            Queue(data.ToArray());
        }
    }

    /// <summary>
    /// Queues <paramref name="data"/> itself, not a copy: the caller hands the array over and must not
    /// change it afterwards. After <see cref="Exit"/> or <see cref="Close"/>, output is dropped.
    /// </summary>
    public void Write(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length > 0)
        {
            Queue(data);
        }
    }

    private void Queue(byte[] data)
    {
        lock (_gate)
        {
            if (_ending)
            {
                return;
            }

            _outgoing.Enqueue(data);
            _pendingBytes += data.Length;
        }

        _wake();
    }

    /// <summary>Ends the channel after the queued output: `exit-status`, EOF, CLOSE (RFC 4254 §6.10).</summary>
    public void Exit(uint status)
    {
        var request = new SshDataWriter().WriteUInt32(status).ToArray();
        Enqueue(new ChannelRequestMessage(RemoteId, "exit-status", false, request).ToPayload(), ending: false);
        Close();
    }

    /// <summary>Ends the channel after the queued output: EOF, CLOSE.</summary>
    public void Close()
    {
        Enqueue(new ChannelEofMessage(RemoteId).ToPayload(), ending: false);
        Enqueue(new ChannelCloseMessage(RemoteId).ToPayload(), ending: true);
    }

    internal void SetEnvironment(string name, string value)
    {
        if (_environment.Count < 64)
        {
            _environment[name] = value;
        }
    }

    /// <summary>A control message for this channel, sent in order with its data.</summary>
    internal void Enqueue(byte[] payload, bool ending = false)
    {
        lock (_gate)
        {
            if (_ending)
            {
                return;
            }

            _outgoing.Enqueue(new ControlMessage(payload, ending));
            _ending |= ending;
        }

        _wake();
    }

    /// <summary>True for the caller that should schedule a delivery of drained output; false while one is scheduled.</summary>
    internal bool TryScheduleDelivery() => Interlocked.Exchange(ref _deliveryScheduled, 1) == 0;

    internal void DeliveryDone() => Volatile.Write(ref _deliveryScheduled, 0);

    /// <summary>Window the client granted (SSH_MSG_CHANNEL_WINDOW_ADJUST), capped at 2^32 - 1.</summary>
    internal void GrowWindow(uint bytes)
    {
        lock (_gate)
        {
            _remoteWindow = Math.Min(uint.MaxValue, _remoteWindow + bytes);
        }
    }

    /// <summary>
    /// Takes what may be sent now: a control message, or data (a slice of a queued array, not a copy)
    /// up to the client's window and packet size and <paramref name="maxPacket"/>, taken from the
    /// window at once. False when nothing is queued, or the head is data and the window is shut.
    /// </summary>
    internal bool TryDequeue(int maxPacket, out ReadOnlyMemory<byte> data, out ControlMessage? control)
    {
        data = default;
        control = null;
        lock (_gate)
        {
            if (_outgoing.Count == 0)
            {
                return false;
            }

            var head = _outgoing.Peek();
            if (head is ControlMessage message)
            {
                _outgoing.Dequeue();
                control = message;
                return true;
            }

            // Windows and packet sizes up to 2^32 - 1 are legal; our packets stay modest whatever the peer allows.
            var maxData = (int)Math.Min(Math.Min(_remoteWindow, RemoteMaxPacket), maxPacket);
            if (maxData <= 0)
            {
                return false;
            }

            var queued = (byte[])head;
            var take = Math.Min(queued.Length - _headOffset, maxData);
            data = queued.AsMemory(_headOffset, take);
            _headOffset += take;
            if (_headOffset == queued.Length)
            {
                _outgoing.Dequeue();
                _headOffset = 0;
            }

            _pendingBytes -= take;
            _remoteWindow -= take;
            return true;
        }
    }

    internal bool HasQueuedData
    {
        get
        {
            lock (_gate)
            {
                return _outgoing.Count > 0;
            }
        }
    }

    internal sealed record ControlMessage(byte[] Payload, bool Ending);
}
