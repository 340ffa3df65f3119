using System.Net;
using System.Text;
using VirtualFirewall.Tests.Hosting;

namespace VirtualFirewall.Tests.Reliability;

/// <summary>A logged-in Telnet CLI over <see cref="TelnetTestClient"/>, with the checks the reliability tests repeat.</summary>
internal sealed class TelnetSession : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private TelnetSession(TelnetTestClient client)
    {
        Client = client;
    }

    public TelnetTestClient Client { get; }

    public static async Task<TelnetSession> LogInAsync(IPEndPoint endpoint)
    {
        var client = await TelnetTestClient.ConnectAsync(endpoint);
        try
        {
            Assert.That(await client.WaitForTextAsync("login: ", Wait), Is.True, "the login prompt");
            await client.SendAsync("admin\r\n");
            Assert.That(await client.WaitForTextAsync("Password: ", Wait), Is.True, "the password prompt");
            await client.SendAsync("admin\r\n");
            Assert.That(await client.WaitForTextAsync("\n" + FirewallUnderTest.Prompt, Wait), Is.True, "the first prompt: " + client.ReceivedText);
            return new TelnetSession(client);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Types `show clock` and waits for its answer (at whatever time the device is) after everything received so far.</summary>
    public async Task AssertShowClockAsync(string when)
    {
        var mark = Client.Received.Length;
        await Client.SendAsync("show clock\r\n");
        var answered = await Client.WaitForAsync(
            bytes => Encoding.UTF8.GetString(bytes, mark, bytes.Length - mark).Contains(FirewallUnderTest.AnyClock + "\r\n\r\n" + FirewallUnderTest.Prompt, StringComparison.Ordinal),
            Wait);
        Assert.That(answered, Is.True, $"show clock over Telnet {when}; the last bytes: {Tail(Client.ReceivedText)}");
    }

    public ValueTask DisposeAsync() => Client.DisposeAsync();

    private static string Tail(string text) => text.Length <= 400 ? text : text[^400..];
}
