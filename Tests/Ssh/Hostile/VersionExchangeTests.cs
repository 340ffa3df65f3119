using System.Text;
using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Ssh.Hostile;

/// <summary>
/// Hostile version lines (RFC 4253 §4.2): the server reads at most 255 bytes of one, refuses anything
/// but SSH-2.0 with DISCONNECT 8, and keeps serving everyone else.
/// </summary>
[TestFixture]
public sealed class VersionExchangeTests
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(3);

    [TestCase("GET / HTTP/1.1\r\nHost: firewall\r\n\r\n", TestName = "{m}(An HTTP request)")]
    [TestCase("SSH-1.5-OldClient\r\n", TestName = "{m}(SSH 1.5)")]
    [TestCase("ssh-2.0-lowercase\r\n", TestName = "{m}(A lower-case version line)")]
    [TestCase("SSH-2.0-Tab\there\r\n", TestName = "{m}(A version line with a control character)")]
    [TestCase("\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003\n", TestName = "{m}(A TLS ClientHello)")]
    [CancelAfter(30_000)]
    public async Task Garbage_instead_of_a_version_line_gets_disconnect_8(string garbage, CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start();
        using var hostile = await RawSshConnection.OpenPastGreetingAsync(server.Port, cancellation);
        await NormalClient.AssertWorksAsync(server.Port, "while the hostile connection is open", cancellation);

        await hostile.SendAsync(Encoding.Latin1.GetBytes(garbage), cancellation);
        var outcome = await hostile.ReadUntilClosedAsync(Prompt, cancellation);

        Assert.That(outcome.Ending, Is.EqualTo(Ending.EndOfStream), outcome.Describe());
        Assert.That(outcome.DisconnectReasons, Is.EqualTo(new[] { Wire.ProtocolVersionNotSupported }), outcome.Describe());
        Assert.That(outcome.Packets, Has.Count.EqualTo(1), outcome.Describe());
        await NormalClient.AssertWorksAsync(server.Port, "after the hostile connection", cancellation);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_megabyte_version_line_without_newline_is_cut_off_promptly(CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start();
        var line = new byte[1024 * 1024];
        Array.Fill(line, (byte)'A');
        "SSH-2.0-"u8.CopyTo(line);
        var before = Memory();
        using var hostile = await RawSshConnection.OpenPastGreetingAsync(server.Port, cancellation);
        await NormalClient.AssertWorksAsync(server.Port, "while the hostile connection is open", cancellation);

        // The server stops reading after 255 bytes and closes with most of the megabyte unread, so
        // our write may fail (reset) before it completes: that is the server doing its job.
        var flood = Task.Run(() => hostile.SendAsync(line, cancellation), cancellation);
        var outcome = await hostile.ReadUntilClosedAsync(Prompt, cancellation);
        var floodEnded = await flood.ContinueWith(t => t.IsCompleted, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(10), cancellation);

        Assert.That(outcome.Closed, Is.True, outcome.Describe());
        Assert.That(outcome.DisconnectReasons, Is.SubsetOf(new[] { Wire.ProtocolVersionNotSupported }), outcome.Describe());
        Assert.That(floodEnded, Is.True, "the server neither read nor refused the rest of the line");
        Assert.That(Memory() - before, Is.LessThan(50L * 1024 * 1024), "managed memory grew");
        await NormalClient.AssertWorksAsync(server.Port, "after the hostile connection", cancellation);
    }

    /// <summary>The bound is exact: 255 bytes without a newline end the connection without waiting for more.</summary>
    [Test]
    [CancelAfter(30_000)]
    public async Task Two_hundred_fifty_five_bytes_without_newline_are_refused_without_waiting_for_more(CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start();
        using var hostile = await RawSshConnection.OpenPastGreetingAsync(server.Port, cancellation);

        await hostile.SendAsync("SSH-2.0-" + new string('x', 255 - 8), cancellation);
        var outcome = await hostile.ReadUntilClosedAsync(Prompt, cancellation);

        Assert.That(outcome.Ending, Is.EqualTo(Ending.EndOfStream), outcome.Describe());
        Assert.That(outcome.DisconnectReasons, Is.EqualTo(new[] { Wire.ProtocolVersionNotSupported }), outcome.Describe());
        await NormalClient.AssertWorksAsync(server.Port, "after the hostile connection", cancellation);
    }

    /// <summary>255 bytes with CR LF is the longest line allowed; one more byte is refused.</summary>
    [TestCase(255, false)]
    [TestCase(256, true)]
    [CancelAfter(30_000)]
    public async Task The_longest_version_line_is_255_bytes_with_CR_LF(int length, bool refused, CancellationToken cancellation)
    {
        await using var server = SshTestServer.Start();
        using var hostile = await RawSshConnection.OpenPastGreetingAsync(server.Port, cancellation);

        var line = "SSH-2.0-" + new string('x', length - 10) + "\r\n";
        Assert.That(line, Has.Length.EqualTo(length));
        await hostile.SendAsync(line, cancellation);
        var outcome = await hostile.ReadUntilClosedAsync(refused ? Prompt : TimeSpan.FromMilliseconds(500), cancellation);

        if (refused)
        {
            Assert.That(outcome.Ending, Is.EqualTo(Ending.EndOfStream), outcome.Describe());
            Assert.That(outcome.DisconnectReasons, Is.EqualTo(new[] { Wire.ProtocolVersionNotSupported }), outcome.Describe());
        }
        else
        {
            Assert.That(outcome.Ending, Is.EqualTo(Ending.StillOpen), outcome.Describe());
            Assert.That(outcome.Packets, Is.Empty, outcome.Describe());
        }
    }

    private static long Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
