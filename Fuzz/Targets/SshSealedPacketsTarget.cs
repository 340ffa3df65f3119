using System.Buffers.Binary;
using VirtualFirewall.Fuzz.Support;
using VirtualFirewall.Ssh;
using VirtualFirewall.Ssh.Algorithms.Ciphers;
using VirtualFirewall.Ssh.Transport;

namespace VirtualFirewall.Fuzz.Targets;

/// <summary>
/// The packet stream after the key exchange, with chacha20-poly1305 and fixed keys. A fuzzer cannot forge
/// a tag, so the input is the clear text: records of a big-endian uint16 size and that many bytes of clear
/// packet (packet_length, padding_length, payload, padding, all as the fuzzer wrote them), which the target
/// seals before the reader opens them. So the checks behind the tag (length bounds, alignment, padding)
/// and the message readers are what gets fuzzed.
/// </summary>
public sealed class SshSealedPacketsTarget : IFuzzTarget
{
    private const string Cipher = "chacha20-poly1305@openssh.com";
    private static readonly byte[] Key = [.. Enumerable.Range(1, PacketProtection.KeySize(Cipher)).Select(i => (byte)i)];

    public string Name => "ssh-packets-chacha";

    public void Run(ReadOnlySpan<byte> input)
    {
        using var opener = PacketProtection.CreateOpener(Cipher, null, Key, [], []);
        var reader = new SshPacketReader(new ScriptedInputStream(Seal(input)), []) { Opener = opener, MaxPacket = new SshLimits().MaxPacket };
        SshPacketDrain.ReadAll(reader);
    }

    /// <summary>The wire form of the records, each sealed with its sequence number; records too short to be a packet are left out.</summary>
    public static byte[] Seal(ReadOnlySpan<byte> records)
    {
        using var sealer = PacketProtection.CreateSealer(Cipher, null, Key, [], []);
        var wire = new List<byte>();
        uint sequence = 0;
        while (records.Length >= 2)
        {
            var size = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(records), records.Length - 2);
            var packet = records.Slice(2, size);
            records = records[(2 + size)..];
            if (packet.Length < 5)
            {
                continue;
            }

            var sealedPacket = new byte[packet.Length + sealer.TagSize];
            sealer.Seal(sequence++, packet, sealedPacket);
            wire.AddRange(sealedPacket);
        }

        return [.. wire];
    }
}
