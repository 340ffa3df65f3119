using VirtualFirewall.Fuzz.Targets;
using VirtualFirewall.Ssh.Algorithms.Ciphers;
using VirtualFirewall.Ssh.Transport;

namespace VirtualFirewall.Tests.Fuzz;

/// <summary>The targets reach what they claim to fuzz.</summary>
[TestFixture]
public sealed class FuzzTargetTests
{
    [Test]
    public async Task The_sealed_packet_seeds_open_to_their_messages()
    {
        var records = await File.ReadAllBytesAsync(Path.Combine(FuzzCorpus.Seeds, "ssh-packets-chacha", "connection.bin"));
        const string cipher = "chacha20-poly1305@openssh.com";
        byte[] key = [.. Enumerable.Range(1, PacketProtection.KeySize(cipher)).Select(i => (byte)i)];
        using var opener = PacketProtection.CreateOpener(cipher, null, key, [], []);
        var reader = new SshPacketReader(new MemoryStream(SshSealedPacketsTarget.Seal(records)), []) { Opener = opener, MaxPacket = 256 * 1024 };

        var numbers = new List<byte>();
        while (await reader.ReadAsync(CancellationToken.None) is { } payload)
        {
            numbers.Add(payload[0]);
        }

        Assert.That(numbers, Has.Count.GreaterThan(5).And.Contains((byte)90).And.Contains((byte)98));
    }
}
