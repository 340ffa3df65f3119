using System.Buffers;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using VirtualFirewall.Ssh.Algorithms.Ciphers;

namespace VirtualFirewall.Benchmarks;

/// <summary>
/// One SSH packet sealed and opened through the library's <see cref="PacketSealer"/> and
/// <see cref="PacketOpener"/>, for each cipher the server offers (CTR with hmac-sha2-256-etm@openssh.com).
/// <see cref="Seal"/> does what the transport's packet writer does per packet (frame and pad with
/// <see cref="PacketPadding.BuildPacket(ReadOnlySpan{byte}, PacketSealer)"/>, allocate the wire buffer, seal);
/// <see cref="Open"/> what its packet reader does once the bytes are in (read the length, check the
/// alignment, verify and decrypt into a pooled buffer, check the padding, copy the payload out). The
/// socket is left out. The writer and reader are internal to the Ssh project, so their steps are repeated here.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class SshPacketBenchmarks
{
    /// <summary>Packets opened per invocation: GCM and CTR openers keep state (nonce, keystream), so they open a sealed run in order, from a fresh opener.</summary>
    public const int Run = 128;

    private const string EtmMac = "hmac-sha2-256-etm@openssh.com";

    private byte[] _payload = null!;
    private byte[] _key = null!;
    private byte[] _iv = null!;
    private byte[] _macKey = null!;
    private string? _mac;
    private PacketSealer _sealer = null!;
    private byte[][] _wire = null!;
    private uint _sequence;
    private byte[] _packet = null!;
    private byte[] _sealed = null!;

    [ParamsSource(nameof(Ciphers), Priority = -1)]
    public string Cipher { get; set; } = null!;

    /// <summary>Payload bytes: an interactive echo-sized packet, and a full 32 KB channel data packet.</summary>
    [Params(64, 32 * 1024)]
    public int PayloadSize { get; set; }

    /// <summary>Every cipher the server offers, most preferred first.</summary>
    public static IEnumerable<string> Ciphers => PacketProtection.Ciphers;

    [GlobalSetup]
    public void Setup()
    {
        _payload = new byte[PayloadSize];
        new Random(7).NextBytes(_payload);
        _mac = PacketProtection.IsAead(Cipher) ? null : EtmMac;
        _key = RandomNumberGenerator.GetBytes(PacketProtection.KeySize(Cipher));
        _iv = RandomNumberGenerator.GetBytes(PacketProtection.IvSize(Cipher));
        _macKey = RandomNumberGenerator.GetBytes(PacketProtection.MacKeySize(Cipher, _mac));
        _sealer = PacketProtection.CreateSealer(Cipher, _mac, _key, _iv, _macKey);
        _packet = PacketPadding.BuildPacket(_payload, _sealer);
        _sealed = new byte[_packet.Length + _sealer.TagSize];

        // A run of wire packets, sequence 0 upwards, from a sealer with the same keys as the openers.
        using var sealer = PacketProtection.CreateSealer(Cipher, _mac, _key, _iv, _macKey);
        _wire = new byte[Run][];
        for (var i = 0; i < Run; i++)
        {
            var packet = PacketPadding.BuildPacket(_payload, sealer);
            _wire[i] = new byte[packet.Length + sealer.TagSize];
            sealer.Seal((uint)i, packet, _wire[i]);
        }

        if (Open() != Run * PayloadSize)
        {
            throw new InvalidOperationException("the opener did not give the payloads back");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _sealer.Dispose();

    /// <summary>The packet writer's work for one payload: frame, pad, allocate the wire bytes, seal.</summary>
    [Benchmark]
    public byte[] Seal()
    {
        var packet = PacketPadding.BuildPacket(_payload, _sealer);
        var wire = new byte[packet.Length + _sealer.TagSize];
        _sealer.Seal(_sequence, packet, wire);
        _sequence = unchecked(_sequence + 1);
        return wire;
    }

    /// <summary>The sealer alone on a packet framed once, into a buffer allocated once: <see cref="Seal"/> less the framing, random padding and allocations.</summary>
    [Benchmark]
    public byte[] SealOnly()
    {
        _sealer.Seal(_sequence, _packet, _sealed);
        _sequence = unchecked(_sequence + 1);
        return _sealed;
    }

    /// <summary>The packet reader's work for one wire packet already in its buffer; returns the payload bytes opened.</summary>
    [Benchmark(OperationsPerInvoke = Run)]
    public int Open()
    {
        using var opener = PacketProtection.CreateOpener(Cipher, _mac, _key, _iv, _macKey);
        var total = 0;
        for (var i = 0; i < Run; i++)
        {
            total += OpenOne(opener, (uint)i, _wire[i]).Length;
        }

        return total;
    }

    private static byte[] OpenOne(PacketOpener opener, uint sequence, byte[] wire)
    {
        var first = opener.FirstChunkSize;
        var length = opener.ReadLength(sequence, wire.AsSpan(0, first));
        var aligned = opener.LengthExcludedFromAlignment ? length : length + 4;
        if (length < 5 || aligned % (uint)opener.BlockSize != 0)
        {
            throw new InvalidOperationException($"bad packet length {length}");
        }

        var wireLength = 4 + (int)length + opener.TagSize;
        var packet = ArrayPool<byte>.Shared.Rent(4 + (int)length);
        try
        {
            if (!opener.TryOpen(sequence, wire.AsSpan(0, wireLength), packet.AsSpan(0, 4 + (int)length)))
            {
                throw new InvalidOperationException("message authentication failed");
            }

            var padding = packet[4];
            if (padding < 4 || padding > length - 1)
            {
                throw new InvalidOperationException($"padding length {padding} invalid");
            }

            return packet.AsSpan(5, (int)length - 1 - padding).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(packet, clearArray: true);
        }
    }
}
