using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Renci.SshNet;
using VirtualFirewall.Emulator.Hosting;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Rendering;
using VirtualFirewall.Ssh;
using VirtualFirewall.Tests.Shell;
using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Hosting;

/// <summary>A listing streamed over SSH and Telnet arrives whole and exact, and the prompt follows it.</summary>
[TestFixture]
public sealed class StreamedListingTransportTests
{
    private const int Sessions = 20_000;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static readonly Regex AfterPagerOff = new(@"off\r\n(\r\n)?admin@PA-VM> $", RegexOptions.None, TimeSpan.FromSeconds(5));

    [Test]
    [CancelAfter(120_000)]
    public async Task Over_ssh_a_large_listing_arrives_exactly_and_the_shell_answers_after_it(CancellationToken cancellation)
    {
        var device = StreamedListingTests.LargeTable(Sessions);
        var expected = Listing(device);
        await using var host = new SshHost(device, new IPEndPoint(IPAddress.Loopback, 0), new SshServerOptions { HostKeys = SshTestServer.HostKeys });
        host.Start();

        using var client = new SshClient(new ConnectionInfo("127.0.0.1", host.LocalEndpoint.Port, "admin", new PasswordAuthenticationMethod("admin", "admin")));
        await client.ConnectAsync(cancellation);
        using var shell = client.CreateShellStream("xterm", 80, 24, 0, 0, 64 * 1024);
        shell.Expect("admin@PA-VM> ", Wait);
        shell.Write("set cli pager off\r");
        shell.Expect(AfterPagerOff, Wait);
        shell.Write("show session all\r");
        var listing = shell.Expect(")\r\nadmin@PA-VM> ", Wait);
        shell.Write("show clock\r");
        var clock = shell.Expect(" UTC 2026\r\n\r\nadmin@PA-VM> ", Wait);

        Assert.That(expected.Length, Is.GreaterThan(2_000_000), "the listing is large enough to stream in many pieces");
        // The echo repaints the line after each word (contract C13): the listing follows the last repaint.
        Assert.That(listing, Does.EndWith("admin@PA-VM> show session all\r\n" + expected + "admin@PA-VM> "));
        Assert.That(clock, Does.Contain("admin@PA-VM> show clock\r\n"));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Over_telnet_a_large_listing_arrives_exactly_and_the_shell_answers_after_it(CancellationToken cancellation)
    {
        var device = StreamedListingTests.LargeTable(Sessions);
        var expected = Listing(device);
        await using var host = new TelnetHost(device, new IPEndPoint(IPAddress.Loopback, 0));
        host.Start();
        await using var client = await TelnetTestClient.ConnectAsync(host.LocalEndpoint);
        Assert.That(await client.WaitForTextAsync("login: ", Wait), Is.True);
        await client.SendAsync("admin\r\n");
        Assert.That(await client.WaitForTextAsync("Password: ", Wait), Is.True);
        await client.SendAsync("admin\r\n");
        Assert.That(await client.WaitForTextAsync("admin@PA-VM> ", Wait), Is.True);
        await client.SendAsync("set cli pager off\r\n");
        Assert.That(await client.WaitForAsync(r => AfterPagerOff.IsMatch(Encoding.UTF8.GetString(r)), Wait), Is.True, client.ReceivedText);
        var before = client.Received.Length;

        await client.SendAsync("show session all\r\n");
        await client.SendAsync("show clock\r\n");
        var done = await client.WaitForAsync(r => Encoding.UTF8.GetString(r).EndsWith(" UTC 2026\r\n\r\nadmin@PA-VM> ", StringComparison.Ordinal) || r.Length > before + expected.Length + 200, Wait);

        var text = Encoding.UTF8.GetString(client.Received[before..]);
        Assert.That(done, Is.True, "no prompt after the listing");
        Assert.That(text, Does.Contain("admin@PA-VM> show session all\r\n" + expected + "admin@PA-VM> show "));
    }

    /// <summary>What the listing must be: the renderer's text with terminal line ends.</summary>
    private static string Listing(Device device) =>
        device.Locked(d => SessionListRenderer.Render(d.Sessions.Scan())).Replace("\n", "\r\n", StringComparison.Ordinal);
}
