using System.Security.Cryptography;

namespace VirtualFirewall.Ssh.Algorithms.Ciphers;

/// <summary>
/// The cipher and MAC names the server offers and the sealers and openers behind them. Names come from
/// negotiation, so an unknown one is a programming error (<see cref="ArgumentException"/>), as is a key,
/// IV or MAC key of the wrong length.
/// </summary>
public static class PacketProtection
{
    private const string ChaCha20Poly1305 = "chacha20-poly1305@openssh.com";
    private const string Aes256Gcm = "aes256-gcm@openssh.com";
    private const string Aes128Gcm = "aes128-gcm@openssh.com";
    private const string Aes256Ctr = "aes256-ctr";
    private const string Aes128Ctr = "aes128-ctr";

    private const string HmacSha256Etm = "hmac-sha2-256-etm@openssh.com";
    private const string HmacSha512Etm = "hmac-sha2-512-etm@openssh.com";
    private const string HmacSha256 = "hmac-sha2-256";
    private const string HmacSha512 = "hmac-sha2-512";

    /// <summary>The ciphers, most preferred first.</summary>
    public static IReadOnlyList<string> Ciphers { get; } = [ChaCha20Poly1305, Aes256Gcm, Aes128Gcm, Aes256Ctr, Aes128Ctr];

    /// <summary>Every MAC implemented, most preferred first. Ignored with an AEAD cipher.</summary>
    public static IReadOnlyList<string> Macs { get; } = [HmacSha256Etm, HmacSha512Etm, HmacSha256, HmacSha512];

    /// <summary>
    /// The MACs offered by default: encrypt-then-MAC only. ssh-audit warns on the encrypt-and-MAC
    /// `hmac-sha2-256`/`-512`, and every client of the contract (paramiko 2.12 included) has the EtM ones.
    /// </summary>
    public static IReadOnlyList<string> DefaultMacs { get; } = [HmacSha256Etm, HmacSha512Etm];

    /// <summary>True when the cipher authenticates by itself: the MAC negotiated beside it is ignored (OpenSSH PROTOCOL §1.6, §1.7).</summary>
    public static bool IsAead(string cipher) => Cipher(cipher).Aead;

    /// <summary>Encryption key bytes to derive (RFC 4253 §7.2, letters C and D).</summary>
    public static int KeySize(string cipher) => Cipher(cipher).KeySize;

    /// <summary>IV bytes to derive (letters A and B): 16 for CTR, 12 for GCM, none for ChaCha20-Poly1305.</summary>
    public static int IvSize(string cipher) => Cipher(cipher).IvSize;

    /// <summary>MAC key bytes to derive (letters E and F): the hash length (RFC 6668).</summary>
    public static int MacKeySize(string mac) => Mac(mac).KeySize;

    /// <summary>MAC key bytes to derive for this cipher and MAC pair: none with an AEAD cipher.</summary>
    public static int MacKeySize(string cipher, string? mac) => IsAead(cipher) ? 0 : MacKeySize(RequireMac(mac));

    /// <summary>
    /// A sealer for one direction. <paramref name="mac"/> and <paramref name="macKey"/> are ignored with an
    /// AEAD cipher, and <paramref name="iv"/> with ChaCha20-Poly1305.
    /// </summary>
    public static PacketSealer CreateSealer(string cipher, string? mac, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> macKey)
    {
        var spec = CheckKeys(cipher, mac, key, iv, macKey, out var macSpec);
        return spec.Name switch
        {
            ChaCha20Poly1305 => new ChaCha20Poly1305PacketSealer(key),
            Aes256Gcm or Aes128Gcm => new AesGcmPacketSealer(key, iv),
            _ => new AesCtrHmacPacketSealer(key, iv, macSpec!.Hash, macKey, macSpec.EncryptThenMac),
        };
    }

    /// <summary>The opener matching <see cref="CreateSealer"/> for the other end of a direction.</summary>
    public static PacketOpener CreateOpener(string cipher, string? mac, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> macKey)
    {
        var spec = CheckKeys(cipher, mac, key, iv, macKey, out var macSpec);
        return spec.Name switch
        {
            ChaCha20Poly1305 => new ChaCha20Poly1305PacketOpener(key),
            Aes256Gcm or Aes128Gcm => new AesGcmPacketOpener(key, iv),
            _ => new AesCtrHmacPacketOpener(key, iv, macSpec!.Hash, macKey, macSpec.EncryptThenMac),
        };
    }

    /// <summary>The `none` cipher and MAC in force until the first NEWKEYS (RFC 4253 §6.3).</summary>
    public static PacketSealer NoneSealer() => new NonePacketSealer();

    /// <inheritdoc cref="NoneSealer"/>
    public static PacketOpener NoneOpener() => new NonePacketOpener();

    private static CipherSpec CheckKeys(string cipher, string? mac, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> macKey, out MacSpec? macSpec)
    {
        var spec = Cipher(cipher);
        RequireLength(key, spec.KeySize, nameof(key), cipher);
        if (spec.IvSize > 0)
        {
            RequireLength(iv, spec.IvSize, nameof(iv), cipher);
        }

        macSpec = null;
        if (!spec.Aead)
        {
            macSpec = Mac(RequireMac(mac));
            RequireLength(macKey, macSpec.KeySize, nameof(macKey), macSpec.Name);
        }

        return spec;
    }

    private static void RequireLength(ReadOnlySpan<byte> value, int length, string parameter, string algorithm)
    {
        if (value.Length != length)
        {
            throw new ArgumentException($"{algorithm} needs {length} bytes, got {value.Length}", parameter);
        }
    }

    private static string RequireMac(string? mac) =>
        mac ?? throw new ArgumentException("a non-AEAD cipher needs a MAC", nameof(mac));

    private static CipherSpec Cipher(string cipher)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        return cipher switch
        {
            ChaCha20Poly1305 => new CipherSpec(ChaCha20Poly1305, ChaCha20Poly1305Keys.KeySize, 0, Aead: true),
            Aes256Gcm => new CipherSpec(Aes256Gcm, 32, GcmNonce.Size, Aead: true),
            Aes128Gcm => new CipherSpec(Aes128Gcm, 16, GcmNonce.Size, Aead: true),
            Aes256Ctr => new CipherSpec(Aes256Ctr, 32, 16, Aead: false),
            Aes128Ctr => new CipherSpec(Aes128Ctr, 16, 16, Aead: false),
            _ => throw new ArgumentException($"unknown cipher '{cipher}'", nameof(cipher)),
        };
    }

    private static MacSpec Mac(string mac)
    {
        ArgumentNullException.ThrowIfNull(mac);
        return mac switch
        {
            HmacSha256Etm => new MacSpec(HmacSha256Etm, HashAlgorithmName.SHA256, 32, EncryptThenMac: true),
            HmacSha512Etm => new MacSpec(HmacSha512Etm, HashAlgorithmName.SHA512, 64, EncryptThenMac: true),
            HmacSha256 => new MacSpec(HmacSha256, HashAlgorithmName.SHA256, 32, EncryptThenMac: false),
            HmacSha512 => new MacSpec(HmacSha512, HashAlgorithmName.SHA512, 64, EncryptThenMac: false),
            _ => throw new ArgumentException($"unknown MAC '{mac}'", nameof(mac)),
        };
    }

    private sealed record CipherSpec(string Name, int KeySize, int IvSize, bool Aead);

    private sealed record MacSpec(string Name, HashAlgorithmName Hash, int KeySize, bool EncryptThenMac);
}
