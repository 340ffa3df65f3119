using System.Text;
using VirtualFirewall.Ssh;
using VirtualFirewall.Ssh.IO;
using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Ssh.Hostile;

/// <summary>
/// Hostile behaviour past the key exchange, driven by <see cref="ScriptedSshClient"/>: flow-control
/// abuse (windows never granted, data beyond ours, extreme sizes), channels that do not exist, too
/// many channels, port forwarding, and connection messages before login.
/// </summary>
[TestFixture]
public sealed class ChannelAbuseTests
{
    private const string Prompt = "admin@PA-VM> ";
    private const uint Window = 2 * 1024 * 1024;
    private const uint MaxPacket = 32 * 1024;

    /// <summary>The scripted client itself: a well-behaved session gets the shell's prompt. The other tests rely on it.</summary>
    [Test]
    [CancelAfter(30_000)]
    public async Task A_scripted_client_gets_a_prompt(CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start();
        using var client = await LoggedInAsync(server.Port, cancellation);
        var channel = await client.OpenSessionAsync(0, Window, MaxPacket, cancellation);
        await client.StartShellAsync(channel, cancellation);

        Assert.That(await ReadOutputUntilAsync(client, Prompt, cancellation), Does.Contain("Number of failed attempts since last successful login"));
        await client.SendDataAsync(channel, "show clock\r"u8, cancellation);
        Assert.That(await ReadOutputUntilAsync(client, "\r\n\r\n" + Prompt, cancellation), Is.EqualTo("show \r\u001b[K" + Prompt + "show clock\r\n\r\nFri Nov 27 18:56:14 UTC 2026\r\n\r\n" + Prompt));
    }

    /// <summary>
    /// Window and maximum packet are uint32 (RFC 4254 §5.1): a client may offer 2^31 or more of both.
    /// The server must still send output (in packets of its own bounded size), not stall on an overflow.
    /// </summary>
    [TestCase(0x8000_0000u, 0x8000_0000u)]
    [TestCase(0xFFFF_FFFFu, 0xFFFF_FFFFu)]
    [CancelAfter(30_000)]
    public async Task Huge_window_and_packet_size_still_get_output(uint window, uint maxPacket, CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start();
        using var client = await LoggedInAsync(server.Port, cancellation);
        var channel = await client.OpenSessionAsync(0, window, maxPacket, cancellation);
        await client.StartShellAsync(channel, cancellation);
        await NormalClient.AssertWorksAsync(server.Port, "while the huge-window client is open", cancellation);

        Assert.That(await ReadOutputUntilAsync(client, Prompt, cancellation), Does.EndWith(Prompt));
        await NormalClient.AssertWorksAsync(server.Port, "after the huge-window client", cancellation);
    }

    /// <summary>
    /// A client that opens a tiny window and never adjusts it stops the server's output as surely as
    /// one that stops reading the socket: past the stall limit the server drops it, whether it keeps
    /// typing or sits idle.
    /// </summary>
    [TestCase(true)]
    [TestCase(false)]
    [CancelAfter(30_000)]
    public async Task A_client_that_never_grants_window_is_dropped(bool keepsTyping, CancellationToken cancellation)
    {
        var options = new SshServerOptions
        {
            HostKeys = SshTestServer.HostKeys,
            Limits = new SshLimits { StalledWriteTimeout = TimeSpan.FromSeconds(2), AuthFailureDelay = TimeSpan.FromMilliseconds(10) },
        };
        await using var server = SshTestServer.Start(options);
        using var client = await LoggedInAsync(server.Port, cancellation);
        // 16 bytes: less than the login banner, so output is left waiting even if the client types nothing.
        var channel = await client.OpenSessionAsync(0, 16, MaxPacket, cancellation);
        await client.StartShellAsync(channel, cancellation);
        using var stopTyping = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var typing = keepsTyping ? TypeAsync(client, channel, stopTyping.Token) : Task.CompletedTask;
        await NormalClient.AssertWorksAsync(server.Port, "while the window is exhausted", cancellation);

        var outcome = await client.ReadUntilClosedAsync(TimeSpan.FromSeconds(8), cancellation);
        await stopTyping.CancelAsync();
        await typing;

        Assert.That(outcome.Closed, Is.True, outcome.Describe());
        Assert.That(outcome.DisconnectReasons, Is.SubsetOf(new[] { Wire.ConnectionLost }), outcome.Describe());
        await NormalClient.AssertWorksAsync(server.Port, "after the client was dropped", cancellation);
    }

    /// <summary>Our window is 2 MiB: a client that sends one byte more than was granted broke flow control (DISCONNECT 2).</summary>
    [Test]
    [CancelAfter(30_000)]
    public async Task Data_beyond_the_window_gets_disconnect_2(CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start();
        using var client = await LoggedInAsync(server.Port, cancellation);
        var channel = await client.OpenSessionAsync(0, Window, MaxPacket, cancellation);

        // No shell: nothing consumes the input, so no window comes back.
        var chunk = new byte[32 * 1024];
        for (var sent = 0; sent < 2 * 1024 * 1024; sent += chunk.Length)
        {
            await client.SendDataAsync(channel, chunk, cancellation);
        }

        await NormalClient.AssertWorksAsync(server.Port, "while the hostile client fills the window", cancellation);
        var quiet = await client.ReadUntilClosedAsync(TimeSpan.FromMilliseconds(300), cancellation);
        Assert.That(quiet.Ending, Is.EqualTo(Ending.StillOpen), "exactly the window is allowed: " + quiet.Describe());
        await client.SendDataAsync(channel, [1], cancellation);
        var outcome = await client.ReadUntilClosedAsync(TimeSpan.FromSeconds(3), cancellation);

        Assert.That(outcome.Ending, Is.EqualTo(Ending.EndOfStream), outcome.Describe());
        Assert.That(outcome.DisconnectReasons, Is.EqualTo(new[] { Wire.ProtocolError }), outcome.Describe());
        await NormalClient.AssertWorksAsync(server.Port, "after the hostile connection", cancellation);
    }

    /// <summary>Messages for channels that were never opened, with the numbers most likely to be mishandled.</summary>
    [TestCase(0u)]
    [TestCase(1u)]
    [TestCase(0xFFFF_FFFFu)]
    [CancelAfter(30_000)]
    public async Task Data_for_a_channel_never_opened_gets_disconnect_2(uint recipient, CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start();
        using var client = await LoggedInAsync(server.Port, cancellation);
        if (recipient != 0)
        {
            await client.OpenSessionAsync(0, Window, MaxPacket, cancellation);
        }

        await NormalClient.AssertWorksAsync(server.Port, "while the hostile client is logged in", cancellation);
        await client.SendDataAsync(recipient, "show clock\r"u8, cancellation);
        var outcome = await client.ReadUntilClosedAsync(TimeSpan.FromSeconds(3), cancellation);

        Assert.That(outcome.Ending, Is.EqualTo(Ending.EndOfStream), outcome.Describe());
        Assert.That(outcome.DisconnectReasons, Is.EqualTo(new[] { Wire.ProtocolError }), outcome.Describe());
        await NormalClient.AssertWorksAsync(server.Port, "after the hostile connection", cancellation);
    }

    /// <summary>Ten channels per connection: the eleventh is refused (resource shortage, 4) and the connection carries on.</summary>
    [Test]
    [CancelAfter(30_000)]
    public async Task An_eleventh_channel_is_refused_and_the_connection_carries_on(CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start();
        using var client = await LoggedInAsync(server.Port, cancellation);
        var channels = new List<uint>();
        for (uint i = 0; i < 10; i++)
        {
            channels.Add(await client.OpenSessionAsync(i, Window, MaxPacket, cancellation));
        }

        await client.SendAsync(ScriptedSshClient.OpenSessionPayload(10, Window, MaxPacket), cancellation);
        var failure = await client.ExpectAsync(ScriptedSshClient.ChannelOpenFailure, cancellation);
        Assert.That(ChannelOpenFailure(failure), Is.EqualTo((10u, 4u)), "recipient channel and reason");

        await NormalClient.AssertWorksAsync(server.Port, "while ten channels are open on another connection", cancellation);
        await client.StartShellAsync(channels[9], cancellation);
        Assert.That(await ReadOutputUntilAsync(client, Prompt, cancellation), Does.EndWith(Prompt));
    }

    /// <summary>Port forwarding and other channel types are refused (unknown channel type, 3): the firewall emulator is no jump host.</summary>
    [TestCase("direct-tcpip")]
    [TestCase("forwarded-tcpip")]
    [TestCase("x11")]
    [TestCase("auth-agent@openssh.com")]
    [CancelAfter(30_000)]
    public async Task Other_channel_types_are_refused(string type, CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start();
        using var client = await LoggedInAsync(server.Port, cancellation);

        var open = new SshDataWriter().WriteByte(Wire.ChannelOpen).WriteString(type).WriteUInt32(7).WriteUInt32(Window).WriteUInt32(MaxPacket)
            .WriteString("10.0.0.1").WriteUInt32(22).WriteString("127.0.0.1").WriteUInt32(40000).ToArray();
        await client.SendAsync(open, cancellation);
        var failure = await client.ExpectAsync(ScriptedSshClient.ChannelOpenFailure, cancellation);

        Assert.That(ChannelOpenFailure(failure), Is.EqualTo((7u, 3u)), "recipient channel and reason");
        await NormalClient.AssertWorksAsync(server.Port, "while the refused connection is open", cancellation);
        var channel = await client.OpenSessionAsync(0, Window, MaxPacket, cancellation);
        await client.StartShellAsync(channel, cancellation);
        Assert.That(await ReadOutputUntilAsync(client, Prompt, cancellation), Does.EndWith(Prompt));
    }

    /// <summary>
    /// Connection-protocol messages before login, and a service request after it, end the connection.
    /// (A repeated request before login is accepted, as paramiko needs: ClientContractTests C01.)
    /// </summary>
    [TestCase(false, Wire.ProtocolError)]
    [TestCase(true, 7u)]
    [CancelAfter(30_000)]
    public async Task Skipping_the_authentication_service_or_asking_for_it_after_login_is_refused(bool afterLogin, uint reason, CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start();
        using var client = afterLogin ? await LoggedInAsync(server.Port, cancellation) : await ScriptedSshClient.ConnectAsync(server.Port, cancellation);
        if (!afterLogin)
        {
            await client.RequestUserAuthAsync(cancellation);
        }

        await NormalClient.AssertWorksAsync(server.Port, "while the hostile client waits", cancellation);

        await client.SendAsync(
            afterLogin
                ? new SshDataWriter().WriteByte(Wire.ServiceRequest).WriteString("ssh-userauth").ToArray()
                : ScriptedSshClient.OpenSessionPayload(0, Window, MaxPacket),
            cancellation);
        var outcome = await client.ReadUntilClosedAsync(TimeSpan.FromSeconds(3), cancellation);

        Assert.That(outcome.Ending, Is.EqualTo(Ending.EndOfStream), outcome.Describe());
        Assert.That(outcome.DisconnectReasons, Is.EqualTo(new[] { reason }), outcome.Describe());
        await NormalClient.AssertWorksAsync(server.Port, "after the hostile connection", cancellation);
    }

    private static async Task<ScriptedSshClient> LoggedInAsync(int port, CancellationToken cancellation)
    {
        var client = await ScriptedSshClient.ConnectAsync(port, cancellation);
        try
        {
            await client.LogInAsync(cancellation);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Collects CHANNEL_DATA text until it ends with <paramref name="end"/>; the window is never adjusted.</summary>
    private static async Task<string> ReadOutputUntilAsync(ScriptedSshClient client, string end, CancellationToken cancellation)
    {
        var text = new StringBuilder();
        while (!text.ToString().EndsWith(end, StringComparison.Ordinal))
        {
            byte[]? payload = null;
            try
            {
                payload = await client.ReceiveAsync(cancellation);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                Assert.Fail($"no output for 5 s while waiting for {end.Trim()}; output so far: \"{text}\"");
            }

            Assert.That(payload, Is.Not.Null, $"the server closed the connection; output so far: {text}");
            Assert.That(Wire.DisconnectReason(payload!), Is.Null, $"the server disconnected; output so far: {text}");
            if (payload![0] == ScriptedSshClient.ChannelData)
            {
                text.Append(ScriptedSshClient.DataText(payload));
            }
        }

        return text.ToString();
    }

    private static async Task TypeAsync(ScriptedSshClient client, uint channel, CancellationToken cancellation)
    {
        try
        {
            while (true)
            {
                await client.SendDataAsync(channel, "show clock\r"u8.ToArray(), cancellation);
                await Task.Delay(100, cancellation);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // Stopped by the test, or the server closed the connection.
        }
    }

    private static (uint Recipient, uint Reason) ChannelOpenFailure(byte[] payload)
    {
        var reader = new SshDataReader(payload.AsSpan(1));
        return (reader.ReadUInt32(), reader.ReadUInt32());
    }
}
