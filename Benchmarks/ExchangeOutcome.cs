using VirtualFirewall.Ssh.Algorithms.Ciphers;

namespace VirtualFirewall.Benchmarks;

/// <summary>What one server-side key exchange produces: the KEX_ECDH_REPLY payload and the new packet protection.</summary>
public sealed class ExchangeOutcome(byte[] reply, PacketSealer sealer, PacketOpener opener) : IDisposable
{
    public byte[] Reply { get; } = reply;

    public PacketSealer Sealer { get; } = sealer;

    public PacketOpener Opener { get; } = opener;

    public void Dispose()
    {
        Sealer.Dispose();
        Opener.Dispose();
    }
}
