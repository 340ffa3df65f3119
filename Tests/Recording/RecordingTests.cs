using System.Net;
using System.Text;
using Renci.SshNet;
using VirtualFirewall.Emulator.Hosting;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Emulator.Recording;
using VirtualFirewall.Emulator.Recording.Recorder;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Ssh;
using VirtualFirewall.Tests.Hosting;
using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Recording;

/// <summary>
/// `--record`: sessions over real SSH (SSH.NET with a pty) and Telnet on loopback are written as
/// transcripts that `transcript check` passes, without the passwords typed.
/// </summary>
[TestFixture]
public sealed class RecordingTests
{
    private const string Secret = "Rec0rded-S3cret!";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private string _directory = null!;
    private Device _device = null!;
    private ManualTimeProvider _clock = null!;
    private SshHost _ssh = null!;
    private TelnetHost _telnet = null!;

    [SetUp]
    public void StartHosts()
    {
        _directory = Path.Combine(Path.GetTempPath(), "vf-record-" + Guid.NewGuid().ToString("N"));
        (_device, _clock) = TranscriptDevice.Create(new TranscriptHeader
        {
            Boot = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero),
            Clock = new DateTimeOffset(2026, 11, 27, 18, 56, 14, TimeSpan.Zero),
        });
        var recording = new TranscriptRecorderOptions(_directory);
        _ssh = new SshHost(_device, new IPEndPoint(IPAddress.Loopback, 0), new SshServerOptions { HostKeys = SshTestServer.HostKeys }) { Recording = recording };
        _ssh.Start();
        _telnet = new TelnetHost(_device, new IPEndPoint(IPAddress.Loopback, 0), new TelnetHostOptions { FailureDelay = TimeSpan.Zero, Recording = recording });
        _telnet.Start();
    }

    [TearDown]
    public async Task StopHosts()
    {
        await _ssh.DisposeAsync();
        await _telnet.DisposeAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [TestCase("ssh")]
    [TestCase("telnet")]
    public async Task ASessionIsRecordedAsATranscriptThatPasses(string transport)
    {
        await using (var terminal = await ConnectAsync(transport))
        {
            await terminal.RunAsync("show ?", "Show system information\r\nadmin@PA-VM> show ");
            await terminal.RunAsync("clock\r", "UTC 2026\r\n\r\nadmin@PA-VM> ");
            await terminal.RunAsync("sh\t", "\u001b[Kadmin@PA-VM> show ");
            await terminal.RunAsync("system info | match mode\r", "operational-mode: normal\r\nadmin@PA-VM> ");

            // Typed first, then the device's clock moves, then Enter: the clock line goes above the line.
            await terminal.RunAsync("show clock", "admin@PA-VM> show clock");
            _clock.Advance(TimeSpan.FromMinutes(5));
            await terminal.RunAsync("\r", "Fri Nov 27 19:01:14 UTC 2026\r\n\r\nadmin@PA-VM> ");

            await terminal.RunAsync("configure\r", "[edit]\r\nadmin@PA-VM# ");
            await terminal.RunAsync("set mgt-config users admin password\r", "Enter password   : ");
            await terminal.RunAsync(Secret + "\r", "Confirm password : ");
            await terminal.RunAsync(Secret + "\r", "[edit]\r\nadmin@PA-VM# ");
            await terminal.RunAsync("exit\r", "\r\nadmin@PA-VM> ");
            await terminal.SendAsync("exit\r");
            await terminal.WaitClosedAsync();
        }

        var file = (await WaitForFilesAsync(1)).Single();
        var text = await File.ReadAllTextAsync(file);
        Assert.That(Path.GetFileName(file), Does.Match(@"^20261127-185614-admin-" + transport + @"-\d+\.txt$"));
        Assert.That(text, Does.Not.Contain(Secret));
        Assert.That(text, Does.Contain("\nfrom: 127.0.0.1\n").And.Contain("\nterminal: 80x24\n"));
        Assert.That(text, Does.Contain("⟪type ?⟫").And.Contain("⟪tab⟫").And.Contain("\n⟪clock +00:05:00⟫\nadmin@PA-VM> show "));
        Assert.That(text, Does.Contain("Enter password   : ⟪type password-1⟫⟪enter⟫\nConfirm password : ⟪type password-1⟫⟪enter⟫\n"));
        AssertPasses(file, text);
    }

    [TestCase("ssh")]
    [TestCase("telnet")]
    public async Task ADroppedConnectionStillLeavesATranscriptThatPasses(string transport)
    {
        await using (var terminal = await ConnectAsync(transport))
        {
            await terminal.RunAsync("show clock\r", "UTC 2026\r\n\r\nadmin@PA-VM> ");
            await terminal.RunAsync("show sys", "admin@PA-VM> show sys");
        }

        var file = (await WaitForFilesAsync(1)).Single();
        var text = await File.ReadAllTextAsync(file);
        Assert.That(text, Does.EndWith("admin@PA-VM> show ⟨CR ESC [ K⟩admin@PA-VM> show sys"));
        AssertPasses(file, text);
    }

    [TestCase("ssh")]
    [TestCase("telnet")]
    public async Task TwoConcurrentSessionsGiveTwoFiles(string transport)
    {
        await using (var first = await ConnectAsync(transport))
        await using (var second = await ConnectAsync(transport))
        {
            await first.RunAsync("show clock\r", "UTC 2026\r\n\r\nadmin@PA-VM> ");
            await second.RunAsync("show system info | match hostname\r", "hostname: PA-VM\r\nadmin@PA-VM> ");
            _clock.Advance(TimeSpan.FromSeconds(30));
            await first.RunAsync("show clock\r", "18:56:44 UTC 2026\r\n\r\nadmin@PA-VM> ");
            await second.SendAsync("exit\r");
            await second.WaitClosedAsync();
            await first.SendAsync("exit\r");
            await first.WaitClosedAsync();
        }

        var files = await WaitForFilesAsync(2);
        Assert.That(files, Has.Length.EqualTo(2));
        var texts = files.Select(File.ReadAllText).ToList();
        Assert.That(texts.Count(t => t.Contains("\nlast-login: 2026-11-27T18:56:14Z from 127.0.0.1\n", StringComparison.Ordinal)), Is.EqualTo(1), "the later login shows the earlier one");
        for (var i = 0; i < files.Length; i++)
        {
            AssertPasses(files[i], texts[i]);
        }
    }

    private static void AssertPasses(string file, string text)
    {
        Assert.That(text, Does.Not.Contain("# warning"), text);
        using var report = new StringWriter();
        var failed = TranscriptChecker.Check([file], report);
        Assert.That(failed, Is.Zero, report + "\n" + text);
        Assert.That(report.ToString(), Does.StartWith("PASS "));
    }

    private async Task<string[]> WaitForFilesAsync(int count)
    {
        var deadline = DateTime.UtcNow + Wait;
        string[] files = [];
        while (DateTime.UtcNow < deadline)
        {
            files = Directory.Exists(_directory) ? Directory.GetFiles(_directory, "*.txt") : [];
            if (files.Length >= count)
            {
                break;
            }

            await Task.Delay(20);
        }

        // Give a wrongly duplicated recording the chance to show up.
        await Task.Delay(100);
        return [.. Directory.GetFiles(_directory, "*.txt").Order(StringComparer.Ordinal)];
    }

    private async Task<Terminal> ConnectAsync(string transport) =>
        transport == "ssh" ? await SshTerminal.ConnectAsync(_ssh.LocalEndpoint) : await TelnetTerminal.ConnectAsync(_telnet.LocalEndpoint);

    private static string Password => DefaultDevice.Users.Single(u => string.Equals(u.Name, "admin", StringComparison.Ordinal)).Password;

    /// <summary>A logged-in client: type, and wait for text in what came back since.</summary>
    private abstract class Terminal : IAsyncDisposable
    {
        private int _seen;

        public abstract Task SendAsync(string text);

        public abstract Task WaitClosedAsync();

        public abstract ValueTask DisposeAsync();

        protected abstract string Received { get; }

        public async Task RunAsync(string text, string answer)
        {
            await SendAsync(text);
            await WaitForAsync(answer);
        }

        public async Task WaitForAsync(string text)
        {
            var deadline = DateTime.UtcNow + Wait;
            while (DateTime.UtcNow < deadline)
            {
                var received = Received;
                var at = received.IndexOf(text, _seen, StringComparison.Ordinal);
                if (at >= 0)
                {
                    _seen = at + text.Length;
                    return;
                }

                await Task.Delay(5);
            }

            Assert.Fail($"no `{text}` in: {Received[_seen..]}");
        }
    }

    private sealed class SshTerminal : Terminal
    {
        private readonly SshClient _client;
        private readonly ShellStream _shell;
        private readonly Lock _gate = new();
        private readonly StringBuilder _received = new();
        private readonly Task _reader;

        private SshTerminal(SshClient client)
        {
            _client = client;
            _shell = client.CreateShellStream("vt100", 80, 24, 0, 0, 65536);
            _reader = Task.Run(() =>
            {
                var buffer = new byte[65536];
                int read;
                while ((read = _shell.Read(buffer, 0, buffer.Length)) > 0)
                {
                    lock (_gate)
                    {
                        _received.Append(Encoding.UTF8.GetString(buffer, 0, read));
                    }
                }
            });
        }

        protected override string Received
        {
            get
            {
                lock (_gate)
                {
                    return _received.ToString();
                }
            }
        }

        public static async Task<Terminal> ConnectAsync(IPEndPoint endpoint)
        {
            var client = new SshClient(new ConnectionInfo("127.0.0.1", endpoint.Port, "admin", new PasswordAuthenticationMethod("admin", Password)));
            await client.ConnectAsync(CancellationToken.None);
            var terminal = new SshTerminal(client);
            await terminal.WaitForAsync("admin@PA-VM> ");
            return terminal;
        }

        public override Task SendAsync(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            _shell.Write(bytes, 0, bytes.Length);
            _shell.Flush();
            return Task.CompletedTask;
        }

        public override async Task WaitClosedAsync() => await Task.WhenAny(_reader, Task.Delay(Wait));

        public override async ValueTask DisposeAsync()
        {
            _shell.Dispose();
            _client.Dispose();
            await Task.WhenAny(_reader, Task.Delay(Wait));
        }
    }

    private sealed class TelnetTerminal : Terminal
    {
        private readonly TelnetTestClient _client;

        private TelnetTerminal(TelnetTestClient client) => _client = client;

        protected override string Received => _client.ReceivedText;

        public static async Task<Terminal> ConnectAsync(IPEndPoint endpoint)
        {
            var terminal = new TelnetTerminal(await TelnetTestClient.ConnectAsync(endpoint));
            await terminal.WaitForAsync("login: ");
            await terminal._client.SendAsync("admin\r\n");
            await terminal.WaitForAsync("Password: ");
            await terminal._client.SendAsync(Password + "\r\n");
            await terminal.WaitForAsync("admin@PA-VM> ");
            return terminal;
        }

        // Telnet clients end lines with CR LF; the recorder writes the one Enter the shell saw.
        public override Task SendAsync(string text) => _client.SendAsync(text.Replace("\r", "\r\n", StringComparison.Ordinal));

        public override Task WaitClosedAsync() => _client.WaitClosedAsync(Wait);

        public override ValueTask DisposeAsync() => _client.DisposeAsync();
    }
}
