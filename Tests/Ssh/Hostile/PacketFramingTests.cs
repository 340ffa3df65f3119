using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Ssh.Hostile;

/// <summary>
/// Hostile binary packets after a valid version line (RFC 4253 §6): out-of-bounds and unaligned
/// lengths, truncation, and messages out of order before the first key exchange.
/// </summary>
[TestFixture]
public sealed class PacketFramingTests
{
    private const string HostileVersion = "SSH-2.0-Hostile_1.0\r\n";

    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Below the minimum (5), above the 35,000-byte bound before NEWKEYS (35,004 is block aligned),
    /// 2^31 and 2^32−1 (sign and overflow traps), and a length that is not a multiple of the block size.
    /// </summary>
    [TestCase(0u)]
    [TestCase(4u)]
    [TestCase(35_004u)]
    [TestCase(0x8000_0000u)]
    [TestCase(0xFFFF_FFFFu)]
    [TestCase(1000u)]
    [CancelAfter(30_000)]
    public async Task A_bad_packet_length_gets_disconnect_2(uint length, CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start();
        using var hostile = await RawSshConnection.OpenPastGreetingAsync(server.Port, cancellation);
        await hostile.SendAsync(HostileVersion, cancellation);
        await NormalClient.AssertWorksAsync(server.Port, "while the hostile connection is open", cancellation);

        // The length and a little of what could be a packet: the server must judge the length alone.
        await hostile.SendAsync([.. Wire.UInt32(length), 4, 0, 0, 0, 0, 0, 0, 0], cancellation);
        var outcome = await hostile.ReadUntilClosedAsync(Prompt, cancellation);

        Assert.That(outcome.Ending, Is.EqualTo(Ending.EndOfStream), outcome.Describe());
        Assert.That(outcome.DisconnectReasons, Is.EqualTo(new[] { Wire.ProtocolError }), outcome.Describe());
        await NormalClient.AssertWorksAsync(server.Port, "after the hostile connection", cancellation);
    }

    /// <summary>A valid, aligned length of 1,020 with only 10 bytes behind it, then end of stream: the server closes (at most saying connection lost).</summary>
    [Test]
    [CancelAfter(30_000)]
    public async Task A_truncated_packet_then_half_close_ends_the_connection(CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start();
        using var hostile = await RawSshConnection.OpenPastGreetingAsync(server.Port, cancellation);
        await hostile.SendAsync(HostileVersion, cancellation);
        await hostile.SendAsync([.. Wire.UInt32(1020), 10, 20, 1, 2, 3, 4], cancellation);
        await NormalClient.AssertWorksAsync(server.Port, "while the hostile connection is open", cancellation);

        hostile.ShutdownSend();
        var outcome = await hostile.ReadUntilClosedAsync(Prompt, cancellation);

        Assert.That(outcome.Ending, Is.EqualTo(Ending.EndOfStream), outcome.Describe());
        Assert.That(outcome.DisconnectReasons, Is.SubsetOf(new[] { Wire.ConnectionLost, Wire.ProtocolError }), outcome.Describe());
        await NormalClient.AssertWorksAsync(server.Port, "after the hostile connection", cancellation);
    }

    /// <summary>A truncated packet from a client that stays connected: the server waits (it cannot know), and the connection stays open.</summary>
    [Test]
    [CancelAfter(30_000)]
    public async Task A_truncated_packet_alone_is_waited_for(CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start();
        using var hostile = await RawSshConnection.OpenPastGreetingAsync(server.Port, cancellation);
        await hostile.SendAsync(HostileVersion, cancellation);
        await hostile.SendAsync([.. Wire.UInt32(1020), 10, 20, 1, 2, 3, 4], cancellation);

        var outcome = await hostile.ReadUntilClosedAsync(TimeSpan.FromMilliseconds(500), cancellation);

        Assert.That(outcome.Ending, Is.EqualTo(Ending.StillOpen), outcome.Describe());
        Assert.That(outcome.Packets, Is.Empty, outcome.Describe());
        await NormalClient.AssertWorksAsync(server.Port, "while the hostile connection waits", cancellation);
    }

    /// <summary>The first packet must be KEXINIT (RFC 4253 §7.1); anything else, even a harmless IGNORE, ends the connection.</summary>
    [TestCase(Wire.Ignore, TestName = "{m}(IGNORE first)")]
    [TestCase(Wire.ServiceRequest, TestName = "{m}(SERVICE_REQUEST first)")]
    [TestCase(Wire.NewKeys, TestName = "{m}(NEWKEYS first)")]
    [TestCase(Wire.KexEcdhInit, TestName = "{m}(KEX_ECDH_INIT first)")]
    [TestCase(Wire.UserauthRequest, TestName = "{m}(USERAUTH_REQUEST first)")]
    [TestCase(Wire.ChannelOpen, TestName = "{m}(CHANNEL_OPEN first)")]
    [TestCase((byte)200, TestName = "{m}(An unknown message number first)")]
    [CancelAfter(30_000)]
    public async Task A_first_packet_that_is_not_KEXINIT_gets_disconnect_2(byte number, CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start();
        using var hostile = await RawSshConnection.OpenPastGreetingAsync(server.Port, cancellation);
        await hostile.SendAsync(HostileVersion, cancellation);
        await NormalClient.AssertWorksAsync(server.Port, "while the hostile connection is open", cancellation);

        await hostile.SendAsync(Wire.Packet([number, .. Wire.String("ssh-userauth")]), cancellation);
        var outcome = await hostile.ReadUntilClosedAsync(Prompt, cancellation);

        Assert.That(outcome.Ending, Is.EqualTo(Ending.EndOfStream), outcome.Describe());
        Assert.That(outcome.DisconnectReasons, Is.EqualTo(new[] { Wire.ProtocolError }), outcome.Describe());
        await NormalClient.AssertWorksAsync(server.Port, "after the hostile connection", cancellation);
    }

    /// <summary>An empty payload (packet length 5: padding length 4 and nothing else) is a protocol error.</summary>
    [Test]
    [CancelAfter(30_000)]
    public async Task An_empty_payload_gets_disconnect_2(CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start();
        using var hostile = await RawSshConnection.OpenPastGreetingAsync(server.Port, cancellation);
        await hostile.SendAsync(HostileVersion, cancellation);

        await hostile.SendAsync(Wire.Packet([]), cancellation);
        var outcome = await hostile.ReadUntilClosedAsync(Prompt, cancellation);

        Assert.That(outcome.Ending, Is.EqualTo(Ending.EndOfStream), outcome.Describe());
        Assert.That(outcome.DisconnectReasons, Is.EqualTo(new[] { Wire.ProtocolError }), outcome.Describe());
        await NormalClient.AssertWorksAsync(server.Port, "after the hostile connection", cancellation);
    }

    /// <summary>Padding shorter than 4 bytes, or as long as the whole packet, is refused.</summary>
    [TestCase((byte)3)]
    [TestCase((byte)11)]
    [TestCase((byte)255)]
    [CancelAfter(30_000)]
    public async Task A_bad_padding_length_gets_disconnect_2(byte padding, CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start();
        using var hostile = await RawSshConnection.OpenPastGreetingAsync(server.Port, cancellation);
        await hostile.SendAsync(HostileVersion, cancellation);

        // Packet length 12 (16 bytes on the wire): padding length byte, then 11 bytes.
        await hostile.SendAsync([.. Wire.UInt32(12), padding, Wire.KexInit, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], cancellation);
        var outcome = await hostile.ReadUntilClosedAsync(Prompt, cancellation);

        Assert.That(outcome.Ending, Is.EqualTo(Ending.EndOfStream), outcome.Describe());
        Assert.That(outcome.DisconnectReasons, Is.EqualTo(new[] { Wire.ProtocolError }), outcome.Describe());
        await NormalClient.AssertWorksAsync(server.Port, "after the hostile connection", cancellation);
    }

    /// <summary>A KEXINIT that shares no key exchange algorithm with the server gets DISCONNECT 3.</summary>
    [Test]
    [CancelAfter(30_000)]
    public async Task A_KEXINIT_with_nothing_in_common_gets_disconnect_3(CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start();
        using var hostile = await RawSshConnection.OpenPastGreetingAsync(server.Port, cancellation);
        await hostile.SendAsync(HostileVersion, cancellation);

        await hostile.SendAsync(Wire.Packet(Wire.KexInitPayload("diffie-hellman-group1-sha1")), cancellation);
        var outcome = await hostile.ReadUntilClosedAsync(Prompt, cancellation);

        Assert.That(outcome.Ending, Is.EqualTo(Ending.EndOfStream), outcome.Describe());
        Assert.That(outcome.DisconnectReasons, Is.EqualTo(new[] { Wire.KeyExchangeFailed }), outcome.Describe());
        await NormalClient.AssertWorksAsync(server.Port, "after the hostile connection", cancellation);
    }

    /// <summary>A truncated KEXINIT payload (name-list length running past the end) is a protocol error, not a crash.</summary>
    [Test]
    [CancelAfter(30_000)]
    public async Task A_malformed_KEXINIT_gets_disconnect_2(CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start();
        using var hostile = await RawSshConnection.OpenPastGreetingAsync(server.Port, cancellation);
        await hostile.SendAsync(HostileVersion, cancellation);

        byte[] payload = [Wire.KexInit, .. new byte[16], .. Wire.UInt32(0x7FFF_FFFF), .. "curve25519-sha256"u8];
        await hostile.SendAsync(Wire.Packet(payload), cancellation);
        var outcome = await hostile.ReadUntilClosedAsync(Prompt, cancellation);

        Assert.That(outcome.Ending, Is.EqualTo(Ending.EndOfStream), outcome.Describe());
        Assert.That(outcome.DisconnectReasons, Is.EqualTo(new[] { Wire.ProtocolError }), outcome.Describe());
        await NormalClient.AssertWorksAsync(server.Port, "after the hostile connection", cancellation);
    }

    /// <summary>A second KEXINIT in the same key exchange, and NEWKEYS before any key was agreed, are protocol errors.</summary>
    [TestCase(Wire.KexInit, TestName = "{m}(A second KEXINIT)")]
    [TestCase(Wire.NewKeys, TestName = "{m}(NEWKEYS before the key exchange reply)")]
    [CancelAfter(30_000)]
    public async Task A_message_out_of_order_in_the_key_exchange_gets_disconnect_2(byte number, CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start();
        using var hostile = await RawSshConnection.OpenPastGreetingAsync(server.Port, cancellation);
        await hostile.SendAsync(HostileVersion, cancellation);

        var kexInit = Wire.KexInitPayload("curve25519-sha256");
        await hostile.SendAsync(Wire.Packet(kexInit), cancellation);
        await hostile.SendAsync(Wire.Packet(number == Wire.KexInit ? kexInit : [number]), cancellation);
        var outcome = await hostile.ReadUntilClosedAsync(Prompt, cancellation);

        Assert.That(outcome.Ending, Is.EqualTo(Ending.EndOfStream), outcome.Describe());
        Assert.That(outcome.DisconnectReasons, Is.EqualTo(new[] { Wire.ProtocolError }), outcome.Describe());
        await NormalClient.AssertWorksAsync(server.Port, "after the hostile connection", cancellation);
    }

    /// <summary>A curve25519 public key of the wrong length, or of low order (all zeros), fails the key exchange (3).</summary>
    [TestCase(31, (byte)7, TestName = "{m}(A 31-byte X25519 key)")]
    [TestCase(32, (byte)0, TestName = "{m}(An all-zero X25519 key)")]
    [CancelAfter(30_000)]
    public async Task A_bad_client_public_key_gets_disconnect_3(int length, byte fill, CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start();
        using var hostile = await RawSshConnection.OpenPastGreetingAsync(server.Port, cancellation);
        await hostile.SendAsync(HostileVersion, cancellation);

        var key = new byte[length];
        Array.Fill(key, fill);
        await hostile.SendAsync(Wire.Packet(Wire.KexInitPayload("curve25519-sha256")), cancellation);
        await hostile.SendAsync(Wire.Packet([Wire.KexEcdhInit, .. Wire.String(key)]), cancellation);
        var outcome = await hostile.ReadUntilClosedAsync(Prompt, cancellation);

        Assert.That(outcome.Ending, Is.EqualTo(Ending.EndOfStream), outcome.Describe());
        Assert.That(outcome.DisconnectReasons, Is.EqualTo(new[] { Wire.KeyExchangeFailed }), outcome.Describe());
        await NormalClient.AssertWorksAsync(server.Port, "after the hostile connection", cancellation);
    }
}
