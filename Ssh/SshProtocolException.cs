namespace VirtualFirewall.Ssh;

/// <summary>
/// The peer broke the protocol: the session ends with a DISCONNECT carrying <see cref="Reason"/>.
/// Thrown only inside the library and caught at the session boundary.
/// </summary>
public sealed class SshProtocolException : Exception
{
    public SshProtocolException()
        : this(SshDisconnectReason.ProtocolError, "protocol error")
    {
    }

    public SshProtocolException(string message)
        : this(SshDisconnectReason.ProtocolError, message)
    {
    }

    public SshProtocolException(string message, Exception inner)
        : base(message, inner)
    {
        Reason = SshDisconnectReason.ProtocolError;
    }

    public SshProtocolException(SshDisconnectReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    public SshDisconnectReason Reason { get; }
}
