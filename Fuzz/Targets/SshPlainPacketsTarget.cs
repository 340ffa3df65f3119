using VirtualFirewall.Fuzz.Support;
using VirtualFirewall.Ssh;
using VirtualFirewall.Ssh.Transport;

namespace VirtualFirewall.Fuzz.Targets;

/// <summary>
/// The packet stream before the first NEWKEYS (RFC 4253 §6, no cipher, no MAC), arriving in small
/// chunks so that the reader's buffering is exercised; each payload read goes to the message readers.
/// </summary>
public sealed class SshPlainPacketsTarget : IFuzzTarget
{
    private const int ChunkSize = 61;

    public string Name => "ssh-packets";

    public void Run(ReadOnlySpan<byte> input)
    {
        var reader = new SshPacketReader(new ScriptedInputStream(input.ToArray(), ChunkSize), []) { MaxPacket = new SshLimits().MaxPacketBeforeKeys };
        SshPacketDrain.ReadAll(reader);
    }
}
