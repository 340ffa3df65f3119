using System.Security.Cryptography;

namespace VirtualFirewall.Ssh.Algorithms.Ciphers;

/// <summary>
/// `aes128-gcm@openssh.com` / `aes256-gcm@openssh.com` (RFC 5647 as OpenSSH PROTOCOL §1.6 does it):
/// the packet length goes in clear as the associated data, the rest is encrypted, a 16-byte tag follows.
/// The sequence number plays no part: the nonce's invocation counter orders the packets.
/// </summary>
internal sealed class AesGcmPacketSealer : PacketSealer
{
    private const int Tag = 16;

    private readonly AesGcm _aes;
    private readonly GcmNonce _nonce;

    public AesGcmPacketSealer(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv)
    {
        _nonce = new GcmNonce(iv);
        _aes = new AesGcm(key, Tag);
    }

    public override int BlockSize => 16;

    public override bool LengthExcludedFromAlignment => true;

    public override int TagSize => Tag;

    public override void Seal(uint sequence, ReadOnlySpan<byte> packet, Span<byte> output)
    {
        PacketSpans.CheckSeal(packet, output, TagSize);
        var length = packet[..4];
        length.CopyTo(output);
        _aes.Encrypt(_nonce.Current, packet[4..], output[4..packet.Length], output.Slice(packet.Length, Tag), length);
        _nonce.Increment();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _aes.Dispose();
        }

        base.Dispose(disposing);
    }
}
