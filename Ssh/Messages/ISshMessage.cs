using VirtualFirewall.Ssh.IO;

namespace VirtualFirewall.Ssh.Messages;

/// <summary>
/// An SSH message that can be sent: its number and its payload (RFC 4253 §6: the bytes between the
/// padding length and the padding, starting with the message number).
/// </summary>
public interface ISshMessage
{
    /// <summary>The message number, the first byte of the payload.</summary>
    byte MessageNumber { get; }

    /// <summary>Writes the message number, then the fields.</summary>
    void Write(SshDataWriter writer);

    /// <summary>The whole payload, message number included.</summary>
    byte[] ToPayload();
}
