namespace VirtualFirewall.Ssh;

/// <summary>The application side of a session channel. Calls for one channel never overlap, whatever thread they come on.</summary>
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

    /// <summary>
    /// True while the handler writes a long output in pieces: <see cref="OnOutputDrained"/> then runs
    /// on a thread-pool thread, rendering the next pieces while the session sends what is queued.
    /// </summary>
    bool IsProducing => false;
}
