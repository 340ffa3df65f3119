namespace VirtualFirewall.Ssh;

/// <summary>The application side of a session channel. Calls for one channel never overlap.</summary>
public interface ISshChannelHandler
{
    /// <summary>Bytes the client typed or sent.</summary>
    void OnInput(ReadOnlySpan<byte> data);

    /// <summary>The client's window changed size (`window-change`).</summary>
    void OnResize(int columns, int rows);

    /// <summary>The client will send no more input.</summary>
    void OnEndOfInput();

    /// <summary>The channel is gone, by either side or because the connection dropped.</summary>
    void OnClosed();

    /// <summary>
    /// The client took output and what is still queued is below half of
    /// <see cref="SshLimits.MaxPendingOutput"/>: a handler writing a long output in pieces writes the next.
    /// </summary>
    void OnOutputDrained()
    {
    }
}
