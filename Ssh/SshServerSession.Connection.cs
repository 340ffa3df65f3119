using VirtualFirewall.Ssh.Messages;
using VirtualFirewall.Ssh.Messages.Connection;
using VirtualFirewall.Ssh.Messages.Transport;

namespace VirtualFirewall.Ssh;

/// <summary>Session channels with flow control in both directions (RFC 4254).</summary>
public sealed partial class SshServerSession
{
    private readonly Lock _channelGate = new();
    private readonly Dictionary<uint, SshSessionChannel> _channels = [];
    private readonly Queue<byte[]> _control = new();
    private uint _nextChannelId;

    private const int MaxOutgoingDataPacket = 64 * 1024;

    // One round's socket write: big enough for bulk output, small enough that other channels and
    // the rekey check come round often.
    private const int MaxRoundBytes = 256 * 1024;

    private void QueueControl(byte[] payload)
    {
        lock (_channelGate)
        {
            _control.Enqueue(payload);
        }

        _outputReady.Set();
    }

    private void OnChannelOpen(byte[] payload)
    {
        var open = ChannelOpenMessage.Read(payload);
        if (!string.Equals(open.ChannelType, "session", StringComparison.Ordinal))
        {
            QueueControl(new ChannelOpenFailureMessage(open.SenderChannel, ChannelOpenFailureMessage.UnknownChannelType, "unknown channel type", string.Empty).ToPayload());
            return;
        }

        SshSessionChannel channel;
        lock (_channelGate)
        {
            if (_channels.Count >= _options.Limits.MaxChannels)
            {
                _control.Enqueue(new ChannelOpenFailureMessage(open.SenderChannel, ChannelOpenFailureMessage.ResourceShortage, "too many channels", string.Empty).ToPayload());
                _outputReady.Set();
                return;
            }

            var id = _nextChannelId++;
            channel = new SshSessionChannel(id, open.SenderChannel, open.InitialWindowSize, open.MaximumPacketSize, User!, RemoteAddress, _outputReady.Set);
            _channels[id] = channel;
        }

        var confirmation = new ChannelOpenConfirmationMessage(channel.RemoteId, channel.LocalId, _options.Limits.WindowSize, _options.Limits.MaxChannelPacket, []);
        QueueControl(confirmation.ToPayload());
    }

    private void OnChannelRequest(byte[] payload)
    {
        var request = ChannelRequestMessage.Read(payload);
        var channel = Find(request.RecipientChannel);
        if (channel.CloseReceived)
        {
            return;
        }

        var ok = false;
        switch (request.RequestType)
        {
            case "pty-req" when channel.Handler is null:
                var pty = PtyRequest.Read(request.RequestData);
                channel.TerminalType = pty.Term;
                channel.Columns = pty.Columns == 0 ? 80 : (int)Math.Min(pty.Columns, 10_000);
                channel.Rows = pty.Rows == 0 ? 24 : (int)Math.Min(pty.Rows, 10_000);
                channel.HasPty = true;
                ok = true;
                break;
            case "env":
                var env = EnvRequest.Read(request.RequestData);
                channel.SetEnvironment(env.Name, env.Value);
                ok = true;
                break;
            case "window-change":
                var size = WindowChangeRequest.Read(request.RequestData);
                channel.Columns = size.Columns == 0 ? channel.Columns : (int)Math.Min(size.Columns, 10_000);
                channel.Rows = size.Rows == 0 ? channel.Rows : (int)Math.Min(size.Rows, 10_000);
                lock (channel.HandlerGate)
                {
                    channel.Handler?.OnResize(channel.Columns, channel.Rows);
                }

                return;
            case "shell" when channel.Handler is null:
                Reply(channel, request.WantReply, true);
                Start(channel, () => _host.OpenShell(channel));
                return;
            case "exec" when channel.Handler is null:
                var command = ExecRequest.Read(request.RequestData).Command;
                Reply(channel, request.WantReply, true);
                Start(channel, () => _host.OpenExec(channel, command));
                return;
        }

        Reply(channel, request.WantReply, ok);
    }

    private void Start(SshSessionChannel channel, Func<ISshChannelHandler> open)
    {
        lock (channel.HandlerGate)
        {
            channel.Handler = open();
        }

        Log(SshLogLevel.Debug, $"channel {channel.LocalId}: {(channel.HasPty ? $"pty {channel.TerminalType} {channel.Columns}x{channel.Rows}" : "no pty")}");
    }

    private static void Reply(SshSessionChannel channel, bool wantReply, bool ok)
    {
        if (wantReply)
        {
            channel.Enqueue(ok ? new ChannelSuccessMessage(channel.RemoteId).ToPayload() : new ChannelFailureMessage(channel.RemoteId).ToPayload());
        }
    }

    private void OnChannelData(byte[] payload)
    {
        var data = ChannelDataMessage.Read(payload);
        var channel = Find(data.RecipientChannel);
        var bytes = data.Data;
        lock (channel.HandlerGate)
        {
            // Received but not yet granted back: beyond our window the client broke flow control.
            channel.UnacknowledgedInput += (uint)bytes.Length;
            if ((long)channel.UnacknowledgedInput + channel.Acknowledged > _options.Limits.WindowSize)
            {
                throw new SshProtocolException("channel data beyond the window");
            }
        }

        if (channel.CloseReceived || channel.CloseSent)
        {
            return;
        }

        lock (channel.HandlerGate)
        {
            channel.InputBacklog.Enqueue(bytes);
        }

        DeliverInput(channel);
    }

    /// <summary>
    /// Hands queued input to the application while its output keeps up; the window we grant grows
    /// only by what was handed over, so a client that floods input is back-pressured, not buffered.
    /// </summary>
    private void DeliverInput(SshSessionChannel channel)
    {
        uint delivered = 0;
        lock (channel.HandlerGate)
        {
            if (channel.Handler is { } writer && channel.PendingBytes < _options.Limits.MaxPendingOutput / 2)
            {
                writer.OnOutputDrained();
            }

            while (channel.Handler is { } handler && channel.InputBacklog.Count > 0 && channel.PendingBytes < _options.Limits.MaxPendingOutput)
            {
                var bytes = channel.InputBacklog.Dequeue();
                handler.OnInput(bytes);
                delivered += (uint)bytes.Length;
            }
        }

        if (delivered == 0)
        {
            return;
        }

        lock (channel.HandlerGate)
        {
            channel.UnacknowledgedInput -= delivered;
            channel.Acknowledged += delivered;
            if (channel.Acknowledged < _options.Limits.WindowSize / 2)
            {
                return;
            }

            delivered = channel.Acknowledged;
            channel.Acknowledged = 0;
        }

        channel.Enqueue(new ChannelWindowAdjustMessage(channel.RemoteId, delivered).ToPayload());
    }

    private void OnWindowAdjust(byte[] payload)
    {
        var adjust = ChannelWindowAdjustMessage.Read(payload);
        Find(adjust.RecipientChannel).GrowWindow(adjust.BytesToAdd);
        _outputReady.Set();
    }

    private void OnChannelEof(byte[] payload)
    {
        var channel = Find(ChannelEofMessage.Read(payload).RecipientChannel);
        lock (channel.HandlerGate)
        {
            channel.Handler?.OnEndOfInput();
        }
    }

    private void OnChannelClose(byte[] payload)
    {
        var channel = Find(ChannelCloseMessage.Read(payload).RecipientChannel);
        channel.CloseReceived = true;
        if (!channel.CloseSent)
        {
            channel.Enqueue(new ChannelCloseMessage(channel.RemoteId).ToPayload(), ending: true);
        }

        lock (channel.HandlerGate)
        {
            channel.Handler?.OnClosed();
            channel.Handler = null;
        }

        RemoveIfDone(channel);
    }

    private void OnGlobalRequest(byte[] payload)
    {
        var request = GlobalRequestMessage.Read(payload);

        // keepalive@openssh.com and everything else: REQUEST_FAILURE (pitfall 13).
        if (request.WantReply)
        {
            QueueControl(new RequestFailureMessage().ToPayload());
        }
    }

    private SshSessionChannel Find(uint localId)
    {
        lock (_channelGate)
        {
            return _channels.TryGetValue(localId, out var channel)
                ? channel
                : throw new SshProtocolException($"no channel {localId}");
        }
    }

    private void RemoveIfDone(SshSessionChannel channel)
    {
        if (channel.CloseSent && channel.CloseReceived)
        {
            lock (_channelGate)
            {
                _channels.Remove(channel.LocalId);
            }
        }
    }

    private void CloseAllChannels()
    {
        SshSessionChannel[] all;
        lock (_channelGate)
        {
            all = [.. _channels.Values];
            _channels.Clear();
        }

        foreach (var channel in all)
        {
            lock (channel.HandlerGate)
            {
                channel.Handler?.OnClosed();
                channel.Handler = null;
            }
        }
    }

    /// <summary>
    /// Sends queued output: control messages first, then each channel's queue in order, data within
    /// the client's window and packet size. Waits while a key exchange runs (pitfall 9).
    /// </summary>
    private async Task WriterLoopAsync(CancellationToken cancellation)
    {
        var lastProgress = DateTime.UtcNow;
        while (!cancellation.IsCancellationRequested)
        {
            var sent = false;
            if (!_outgoingKexInProgress && _firstKexDone)
            {
                await RekeyIfDueAsync(cancellation).ConfigureAwait(false);
            }

            if (!_outgoingKexInProgress && _firstKexDone)
            {
                sent = await SendSomeAsync(cancellation).ConfigureAwait(false);
            }

            if (sent)
            {
                lastProgress = DateTime.UtcNow;
                continue;
            }

            var waiting = HasPendingOutput();
            if (waiting && DateTime.UtcNow - lastProgress > _options.Limits.StalledWriteTimeout)
            {
                PeerStalled = true;
                throw new SshProtocolException(SshDisconnectReason.ConnectionLost, "client stopped reading");
            }

            if (!waiting)
            {
                lastProgress = DateTime.UtcNow;
            }

            await _outputReady.WaitAsync(waiting ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(30), cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends one round of queued output in one socket write: every control message, then each
    /// channel's queue in order, up to <see cref="MaxRoundBytes"/>. The key exchange flag is checked
    /// under the write lock, so no connection message can slip out after our KEXINIT and before our NEWKEYS.
    /// </summary>
    private async Task<bool> SendSomeAsync(CancellationToken cancellation)
    {
        using var stalled = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        stalled.CancelAfter(_options.Limits.StalledWriteTimeout);
        await _writeLock.WaitAsync(cancellation).ConfigureAwait(false);
        var sent = false;
        var resumed = new List<SshSessionChannel>();
        try
        {
            if (_outgoingKexInProgress)
            {
                return false;
            }

            _writer.BeginBatch();
            while (true)
            {
                byte[]? control;
                lock (_channelGate)
                {
                    _control.TryDequeue(out control);
                }

                if (control is null)
                {
                    break;
                }

                await _writer.WriteAsync(control, stalled.Token).ConfigureAwait(false);
                sent = true;
            }

            SshSessionChannel[] channels;
            lock (_channelGate)
            {
                channels = [.. _channels.Values];
            }

            foreach (var channel in channels)
            {
                if (await SendQueuedAsync(channel, stalled.Token).ConfigureAwait(false))
                {
                    sent = true;
                    resumed.Add(channel);
                }
            }

            await _writer.FlushAsync(stalled.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stalled.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            EndReason ??= "client stopped reading";
            PeerStalled = true;
            _disconnected = true;
            throw new IOException("client stopped reading");
        }
        finally
        {
            _writer.DiscardBatch();
            _writeLock.Release();
        }

        // Output drained: input held back for this channel may go to the application now. A channel
        // producing a long output renders its next pieces on another core while this loop sends
        // what is queued (a million-session listing: the two halves of the work, overlapped).
        foreach (var channel in resumed)
        {
            if (channel.Handler is { IsProducing: true })
            {
                ScheduleDelivery(channel);
            }
            else
            {
                DeliverInput(channel);
            }
        }

        return sent;
    }

    private void ScheduleDelivery(SshSessionChannel channel)
    {
        if (channel.TryScheduleDelivery())
        {
            ThreadPool.UnsafeQueueUserWorkItem(static state => state.Session.DeliverScheduled(state.Channel), (Session: this, Channel: channel), preferLocal: false);
        }
    }

    private void DeliverScheduled(SshSessionChannel channel)
    {
        // Cleared first: output drained while this runs schedules another delivery, not none.
        channel.DeliveryDone();
        try
        {
            DeliverInput(channel);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Off the session's own loops, where an application failure would end the session: end it here.
            EndReason ??= $"application failed: {e.GetType().Name}";
            Log(SshLogLevel.Error, $"channel {channel.LocalId}: {EndReason}");
            _disconnected = true;
            StopLoops();
        }
    }

    /// <summary>Moves what <paramref name="channel"/> may send now into the round's batch. True when anything went.</summary>
    private async Task<bool> SendQueuedAsync(SshSessionChannel channel, CancellationToken cancellation)
    {
        var sent = false;
        while (_writer.Batched < MaxRoundBytes)
        {
            if (!channel.TryDequeue(MaxOutgoingDataPacket, out var data, out var message))
            {
                break;
            }

            sent = true;
            if (message is null)
            {
                await _writer.WriteChannelDataAsync(channel.RemoteId, data, cancellation).ConfigureAwait(false);
                continue;
            }

            await _writer.WriteAsync(message.Payload, cancellation).ConfigureAwait(false);
            if (message.Ending)
            {
                channel.CloseSent = true;
                RemoveIfDone(channel);
                break;
            }
        }

        return sent;
    }

    private bool HasPendingOutput()
    {
        lock (_channelGate)
        {
            return _control.Count > 0 || _channels.Values.Any(c => c.HasQueuedData);
        }
    }

    private async Task DispatchAsync(byte[] payload, CancellationToken cancellation)
    {
        if (payload.Length == 0)
        {
            throw new SshProtocolException("empty message");
        }

        var number = payload[0];
        CheckAllowedDuringKex(number);
        if (number >= 80 && User is null)
        {
            throw new SshProtocolException($"message {number} before authentication");
        }

        switch (number)
        {
            case MessageNumbers.Disconnect:
                var disconnect = DisconnectMessage.Read(payload);
                EndReason = $"client disconnected ({disconnect.ReasonCode})";
                _disconnected = true;
                return;
            case MessageNumbers.Ignore or MessageNumbers.Debug or MessageNumbers.Unimplemented:
                return;
            case MessageNumbers.KexInit:
                await OnKexInitAsync(payload, cancellation).ConfigureAwait(false);
                return;
            case MessageNumbers.NewKeys:
                OnNewKeys();
                return;
            case >= 30 and <= 49:
                await OnKexExchangeInitAsync(payload, cancellation).ConfigureAwait(false);
                return;
            case MessageNumbers.ServiceRequest:
                await OnServiceRequestAsync(payload, cancellation).ConfigureAwait(false);
                return;
            case MessageNumbers.UserauthRequest:
                await OnUserAuthRequestAsync(payload, cancellation).ConfigureAwait(false);
                return;
            case MessageNumbers.UserauthInfoResponse:
                await OnInfoResponseAsync(payload, cancellation).ConfigureAwait(false);
                return;
            case MessageNumbers.GlobalRequest:
                OnGlobalRequest(payload);
                return;
            case MessageNumbers.ChannelOpen:
                OnChannelOpen(payload);
                return;
            case MessageNumbers.ChannelRequest:
                OnChannelRequest(payload);
                return;
            case MessageNumbers.ChannelData:
                OnChannelData(payload);
                return;
            case MessageNumbers.ChannelExtendedData:
                return;
            case MessageNumbers.ChannelWindowAdjust:
                OnWindowAdjust(payload);
                return;
            case MessageNumbers.ChannelEof:
                OnChannelEof(payload);
                return;
            case MessageNumbers.ChannelClose:
                OnChannelClose(payload);
                return;
            case MessageNumbers.ChannelSuccess or MessageNumbers.ChannelFailure or MessageNumbers.RequestSuccess or MessageNumbers.RequestFailure:
                return;
            default:
                var unimplemented = new UnimplementedMessage(unchecked(_reader!.Sequence - 1)).ToPayload();
                if (_firstKexDone)
                {
                    QueueControl(unimplemented);
                }
                else
                {
                    await SendPacketAsync(unimplemented, cancellation).ConfigureAwait(false);
                }

                return;
        }
    }
}
