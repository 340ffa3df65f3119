using System.Security.Cryptography;
using VirtualFirewall.Ssh.Algorithms.Ciphers;

namespace VirtualFirewall.Tests.Ssh.Ciphers;

/// <summary>One negotiable cipher and MAC pair with random keys, and helpers to seal and open through it.</summary>
public sealed class ProtectionSuite
{
    public ProtectionSuite(string cipher, string? mac)
    {
        Cipher = cipher;
        Mac = mac;
        Key = RandomNumberGenerator.GetBytes(PacketProtection.KeySize(cipher));
        Iv = RandomNumberGenerator.GetBytes(PacketProtection.IvSize(cipher));
        MacKey = RandomNumberGenerator.GetBytes(PacketProtection.MacKeySize(cipher, mac));
    }

    public string Cipher { get; }

    public string? Mac { get; }

    public byte[] Key { get; }

    public byte[] Iv { get; }

    public byte[] MacKey { get; }

    public bool IsGcm => Cipher.Contains("-gcm@", StringComparison.Ordinal);

    /// <summary>Every cipher with every MAC, and each AEAD cipher once.</summary>
    public static IEnumerable<TestCaseData> All()
    {
        foreach (var cipher in PacketProtection.Ciphers)
        {
            if (PacketProtection.IsAead(cipher))
            {
                yield return Case(cipher, null);
                continue;
            }

            foreach (var mac in PacketProtection.Macs)
            {
                yield return Case(cipher, mac);
            }
        }

        static TestCaseData Case(string cipher, string? mac)
        {
            var suite = new ProtectionSuite(cipher, mac);
            return new TestCaseData(suite).SetArgDisplayNames(suite.ToString());
        }
    }

    /// <summary>Reproducible test data: NUnit logs the seed of <see cref="TestContext.CurrentContext"/>.Random.</summary>
    public static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        TestContext.CurrentContext.Random.NextBytes(bytes);
        return bytes;
    }

    public PacketSealer CreateSealer() => PacketProtection.CreateSealer(Cipher, Mac, Key, Iv, MacKey);

    public PacketOpener CreateOpener() => PacketProtection.CreateOpener(Cipher, Mac, Key, Iv, MacKey);

    public static byte[] Seal(PacketSealer sealer, uint sequence, byte[] packet)
    {
        var wire = new byte[packet.Length + sealer.TagSize];
        sealer.Seal(sequence, packet, wire);
        return wire;
    }

    /// <summary>Opens as the packet reader does: ReadLength on the first chunk, then TryOpen on the whole wire packet.</summary>
    public static bool TryOpen(PacketOpener opener, uint sequence, byte[] wire, out uint length, out byte[] packet)
    {
        length = opener.ReadLength(sequence, wire.AsSpan(0, opener.FirstChunkSize));
        packet = new byte[wire.Length - opener.TagSize];
        return opener.TryOpen(sequence, wire, packet);
    }

    public override string ToString() => Mac is null ? Cipher : $"{Cipher} {Mac}";
}
