namespace VirtualFirewall.Ssh.Algorithms.Ciphers;

/// <summary>
/// `chacha20-poly1305@openssh.com` (OpenSSH PROTOCOL.chacha20poly1305): the length encrypted with K_1,
/// the rest with K_2, then a Poly1305 tag over both ciphertexts.
/// </summary>
internal sealed class ChaCha20Poly1305PacketSealer : PacketSealer
{
    private readonly ChaCha20Poly1305Keys _keys;

    public ChaCha20Poly1305PacketSealer(ReadOnlySpan<byte> key)
    {
        _keys = new ChaCha20Poly1305Keys(key);
    }

    public override int BlockSize => 8;

    public override bool LengthExcludedFromAlignment => true;

    public override int TagSize => ChaCha20Poly1305Keys.TagSize;

    public override void Seal(uint sequence, ReadOnlySpan<byte> packet, Span<byte> output)
    {
        PacketSpans.CheckSeal(packet, output, TagSize);
        var body = output[..packet.Length];
        _keys.CryptLength(sequence, packet[..4], body);
        _keys.CryptPayload(sequence, packet[4..], body[4..]);
        _keys.ComputeTag(sequence, body, output.Slice(packet.Length, TagSize));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _keys.Dispose();
        }

        base.Dispose(disposing);
    }
}
