using System.Net;
using System.Text;
using VirtualFirewall.Emulator.Hosting;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Emulator.Telnet;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Time;

namespace VirtualFirewall.Tests.Hosting;

[TestFixture]
public sealed class TelnetHostTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private Device _device = null!;
    private TelnetHost _host = null!;

    [SetUp]
    public void StartHost()
    {
        _device = DefaultDevice.Create(new ManualTimeProvider(new DateTimeOffset(2026, 11, 27, 18, 56, 14, TimeSpan.Zero)));
        _host = new TelnetHost(_device, new IPEndPoint(IPAddress.Loopback, 0), new TelnetHostOptions { FailureDelay = TimeSpan.FromMilliseconds(50) });
        _host.Start();
    }

    [TearDown]
    public async Task StopHost() => await _host.DisposeAsync();

    [Test]
    public async Task AsksForEchoSgaNawsAndTerminalTypeAndPromptsForLogin()
    {
        await using var client = await TelnetTestClient.ConnectAsync(_host.LocalEndpoint);

        Assert.That(await client.WaitForTextAsync("login: ", Wait), Is.True);
        Assert.That(client.ReceivedText, Is.EqualTo("login: "));
        Assert.That(client.Negotiations, Is.EqualTo(new TelnetEvent[]
        {
            new TelnetNegotiation(TelnetCodes.WILL, TelnetCodes.ECHO),
            new TelnetNegotiation(TelnetCodes.WILL, TelnetCodes.SGA),
            new TelnetNegotiation(TelnetCodes.DO, TelnetCodes.NAWS),
            new TelnetNegotiation(TelnetCodes.DO, TelnetCodes.TTYPE),
        }));
    }

    [Test]
    public async Task TheLoginBannerComesBeforeTheLoginPrompt()
    {
        _device.Behavior = _device.Behavior with { LoginBanner = "Authorized use only.\nAll access is logged." };
        await using var client = await TelnetTestClient.ConnectAsync(_host.LocalEndpoint);

        Assert.That(await client.WaitForTextAsync("login: ", Wait), Is.True);
        Assert.That(client.ReceivedText, Is.EqualTo("Authorized use only.\r\nAll access is logged.\r\nlogin: "));
    }

    [Test]
    public async Task AClientThatRefusesEverythingStillGetsEchoAndAPrompt()
    {
        await using var client = await TelnetTestClient.ConnectAsync(_host.LocalEndpoint, acceptAll: false);
        await LogInAsync(client);

        await client.SendAsync("show clock\r\n");

        Assert.That(await client.WaitForTextAsync("show clock\r\n\r\nFri Nov 27 18:56:14 UTC 2026\r\n\r\nadmin@PA-VM> ", Wait), Is.True, client.ReceivedText);
    }

    [Test]
    public async Task AClientThatAcceptsEverythingReportsItsWindowAndTerminalType()
    {
        await using var client = await TelnetTestClient.ConnectAsync(_host.LocalEndpoint, acceptAll: true);
        await LogInAsync(client);

        Assert.That(client.Negotiations, Has.Some.EqualTo(new TelnetSubnegotiation(TelnetCodes.TTYPE, [TelnetCodes.SEND])));
        var session = _device.Admins.Snapshot().Single();
        Assert.That((session.Settings.TerminalWidth, session.Settings.TerminalHeight), Is.EqualTo((120, 40)));
        await client.SendAsync("show clock\r\n");
        Assert.That(await client.WaitForTextAsync("UTC 2026\r\n\r\nadmin@PA-VM> ", Wait), Is.True);
        Assert.That(client.Negotiations.OfType<TelnetNegotiation>().Count(), Is.EqualTo(4), "acknowledgements are never answered");
    }

    [Test]
    public async Task AWrongPasswordPrintsLoginIncorrectAndThreeEndTheConnection()
    {
        await using var client = await TelnetTestClient.ConnectAsync(_host.LocalEndpoint);
        Assert.That(await client.WaitForTextAsync("login: ", Wait), Is.True);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await client.SendAsync("admin\r\n");
            Assert.That(await client.WaitForAsync(b => Count(b, "Password: ") == attempt + 1, Wait), Is.True);
            await client.SendAsync("guess\r\n");
        }

        Assert.That(await client.WaitClosedAsync(Wait), Is.True, "the third failure closes the connection");
        Assert.That(client.ReceivedText, Is.EqualTo(
            "login: admin\r\nPassword: \r\nLogin incorrect\r\n" +
            "login: admin\r\nPassword: \r\nLogin incorrect\r\n" +
            "login: admin\r\nPassword: \r\nLogin incorrect\r\n"),
            "the password is never echoed");
        Assert.That(_device.Admins.Snapshot(), Is.Empty);
    }

    [Test]
    public async Task AreYouThereIsAnswered()
    {
        await using var client = await TelnetTestClient.ConnectAsync(_host.LocalEndpoint);
        await LogInAsync(client);

        await client.SendRawAsync([TelnetCodes.IAC, TelnetCodes.AYT, TelnetCodes.IAC, TelnetCodes.NOP]);

        Assert.That(await client.WaitForTextAsync("[Yes]", Wait), Is.True);
    }

    [Test]
    public async Task ExitClosesTheConnectionAndEndsTheAdminSession()
    {
        await using var client = await TelnetTestClient.ConnectAsync(_host.LocalEndpoint);
        await LogInAsync(client);
        Assert.That(_device.Admins.Snapshot(), Has.Count.EqualTo(1));

        await client.SendAsync("exit\r\n");

        Assert.That(await client.WaitClosedAsync(Wait), Is.True);
        Assert.That(client.ReceivedText, Does.EndWith("admin@PA-VM> exit\r\n"));
        Assert.That(await WaitUntilAsync(() => _device.Admins.Snapshot().Count == 0), Is.True);
    }

    [Test]
    public async Task RandomBytesEndOrRecoverTheirConnectionAndOthersKeepWorking()
    {
        await using var bystander = await TelnetTestClient.ConnectAsync(_host.LocalEndpoint);
        await LogInAsync(bystander);

        var random = new Random(2323);
        for (var round = 0; round < 5; round++)
        {
            await using var hostile = await TelnetTestClient.ConnectAsync(_host.LocalEndpoint);
            var junk = new byte[10 * 1024];
            random.NextBytes(junk);
            await hostile.SendRawAsync(junk);
            await Task.Delay(100);
        }

        await AssertStillServesAsync(bystander);
    }

    [Test]
    public async Task AHundredKilobyteLineIsCutAndTheShellAnswers()
    {
        await using var client = await TelnetTestClient.ConnectAsync(_host.LocalEndpoint);
        await LogInAsync(client);

        await client.SendAsync(new string('x', 100 * 1024) + "\r\n");

        Assert.That(await client.WaitForTextAsync(new string('x', 4096) + "\a\r\nUnknown command: " + new string('x', 4096) + "\r\nadmin@PA-VM> ", Wait), Is.True);
        Assert.That(client.ReceivedText.Count(c => c == '\a'), Is.EqualTo(1), "one bell for the whole overflow");
        await AssertStillServesAsync(client);
    }

    [Test]
    public async Task AnEndlessSubnegotiationDoesNotWedgeTheServer()
    {
        await using var bystander = await TelnetTestClient.ConnectAsync(_host.LocalEndpoint);
        await LogInAsync(bystander);
        await using var hostile = await TelnetTestClient.ConnectAsync(_host.LocalEndpoint);
        await LogInAsync(hostile);

        var flood = new List<byte>();
        for (var i = 0; i < 50_000; i++)
        {
            flood.AddRange([TelnetCodes.IAC, TelnetCodes.SB, TelnetCodes.TTYPE, 0x41, 0x42]);
        }

        await hostile.SendRawAsync([.. flood]);
        await hostile.SendRawAsync([TelnetCodes.IAC, TelnetCodes.SE]);
        await AssertStillServesAsync(hostile);
        await AssertStillServesAsync(bystander);
    }

    [Test]
    public async Task TheConnectionLimitRefusesTheExtraClientOnly()
    {
        await using var host = new TelnetHost(_device, new IPEndPoint(IPAddress.Loopback, 0), new TelnetHostOptions { MaxConnections = 2 });
        host.Start();
        await using var one = await TelnetTestClient.ConnectAsync(host.LocalEndpoint);
        await using var two = await TelnetTestClient.ConnectAsync(host.LocalEndpoint);
        Assert.That(await one.WaitForTextAsync("login: ", Wait) && await two.WaitForTextAsync("login: ", Wait), Is.True);

        await using var three = await TelnetTestClient.ConnectAsync(host.LocalEndpoint);

        Assert.That(await three.WaitClosedAsync(Wait), Is.True);
        Assert.That(three.ReceivedText, Is.Empty);
        await LogInAsync(one);
    }

    private static async Task LogInAsync(TelnetTestClient client)
    {
        Assert.That(await client.WaitForTextAsync("login: ", Wait), Is.True);
        await client.SendAsync("admin\r\n");
        Assert.That(await client.WaitForTextAsync("Password: ", Wait), Is.True);
        await client.SendAsync("admin\r\n");
        Assert.That(await client.WaitForTextAsync("admin@PA-VM> ", Wait), Is.True, client.ReceivedText);
    }

    private static async Task AssertStillServesAsync(TelnetTestClient client)
    {
        var before = client.ReceivedText.Length;
        await client.SendAsync("show clock\r\n");
        Assert.That(
            await client.WaitForAsync(b => Encoding.UTF8.GetString(b)[Math.Min(before, b.Length)..].Contains("UTC 2026\r\n\r\nadmin@PA-VM> ", StringComparison.Ordinal), Wait),
            Is.True,
            client.ReceivedText[before..]);
    }

    private static int Count(byte[] bytes, string text)
    {
        var haystack = Encoding.UTF8.GetString(bytes);
        var count = 0;
        for (var i = haystack.IndexOf(text, StringComparison.Ordinal); i >= 0; i = haystack.IndexOf(text, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        return condition();
    }
}
