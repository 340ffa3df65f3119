using System.Security.Cryptography;

namespace VirtualFirewall.Ssh.Algorithms.Ciphers;

/// <summary>
/// `aes128-ctr` / `aes256-ctr` (RFC 4344) with an HMAC-SHA-2 MAC (RFC 6668), either encrypt-and-MAC
/// (RFC 4253 §6.4: MAC over the clear packet) or the `-etm@openssh.com` variant (OpenSSH PROTOCOL §1.5:
/// length in clear, MAC over the length and the ciphertext).
/// </summary>
internal sealed class AesCtrHmacPacketSealer : PacketSealer
{
    private readonly AesCtrKeystream _keystream;
    private readonly SequencedHmac _mac;
    private readonly bool _encryptThenMac;

    public AesCtrHmacPacketSealer(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, HashAlgorithmName macHash, ReadOnlySpan<byte> macKey, bool encryptThenMac)
    {
        _keystream = new AesCtrKeystream(key, iv);
        _mac = new SequencedHmac(macHash, macKey);
        _encryptThenMac = encryptThenMac;
    }

    public override int BlockSize => 16;

    public override bool LengthExcludedFromAlignment => _encryptThenMac;

    public override int TagSize => _mac.TagSize;

    public override void Seal(uint sequence, ReadOnlySpan<byte> packet, Span<byte> output)
    {
        PacketSpans.CheckSeal(packet, output, TagSize);
        var body = output[..packet.Length];
        var tag = output.Slice(packet.Length, TagSize);
        if (_encryptThenMac)
        {
            packet[..4].CopyTo(body);
            _keystream.Transform(packet[4..], body[4..]);
            _mac.Compute(sequence, body, tag);
        }
        else
        {
            // The MAC is taken before encrypting so that output may be the packet's own buffer.
            _mac.Compute(sequence, packet, tag);
            _keystream.Transform(packet, body);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _keystream.Dispose();
            _mac.Dispose();
        }

        base.Dispose(disposing);
    }
}
