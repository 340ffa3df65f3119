using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Renci.SshNet;
using Renci.SshNet.Common;
using VirtualFirewall.Emulator.Hosting;
using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.State;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Engine.Users;
using VirtualFirewall.Ssh;
using VirtualFirewall.Tests.Hosting;
using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Interop;

/// <summary>
/// One focused test per row of /work/shared/docs/client-contracts.md (C1–C15), each of which fails
/// when its row is broken. Rows about SSH authentication and algorithms use paramiko 2.12 (what the
/// Python clients run on); rows about the CLI use SSH.NET in process, recording every SSH channel
/// data message (one message per write of the server) with its arrival time.
/// </summary>
[TestFixture]
public sealed class ClientContractTests
{
    private const string Prompt = "admin@PA-VM> ";
    private const string ConfigPrompt = "admin@PA-VM# ";
    private const string Clock = "Fri Nov 27 18:56:14 UTC 2026";
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 18, 56, 14, TimeSpan.Zero);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private DirectoryInfo _keys = null!;

    [OneTimeSetUp]
    public async Task MakeKey()
    {
        ExternalProgram.Require("/usr/bin/ssh-keygen", "openssh-client");
        _keys = Directory.CreateTempSubdirectory("vf-contract-keys-");
        foreach (var file in new[] { KeyFile, Path.Combine(_keys.FullName, "stranger") })
        {
            var (exit, _, error) = await ExternalProgram.RunAsync("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", string.Empty, "-f", file], null, TimeSpan.FromSeconds(60));
            Assert.That(exit, Is.EqualTo(0), error);
        }
    }

    [OneTimeTearDown]
    public void RemoveKey() => _keys.Delete(recursive: true);

    private string KeyFile => Path.Combine(_keys.FullName, "id_ed25519");

    /// <summary>
    /// C1: keyboard-interactive (prompt with `ssword`) and password are offered; an unknown key is refused
    /// without ending the connection; a configured key logs in. Each method on a connection of its own
    /// (paramiko's Transport API); the sequence clients really run is the next test. OpenSSH's side:
    /// PublicKeyAndBannerTests.
    /// </summary>
    [Test]
    public async Task C01_AuthOffersKeyboardInteractiveAndPasswordAndRefusesUnknownKeysCleanly()
    {
        const string Script = """
            import sys, socket, paramiko
            port, key_file = int(sys.argv[1]), sys.argv[2]
            def connect():
                t = paramiko.Transport(socket.create_connection(("127.0.0.1", port)))
                t.start_client(timeout=10)
                return t
            t = connect()
            try:
                t.auth_none("admin")
                print("NONE=accepted")
            except paramiko.BadAuthenticationType as e:
                print("ALLOWED=" + ",".join(sorted(e.allowed_types)))
            t.close()
            t = connect()
            try:
                t.auth_publickey("admin", paramiko.ECDSAKey.generate())
                print("STRANGER=accepted")
            except paramiko.AuthenticationException:
                print("STRANGER=refused active=%s" % t.is_active())
            t.close()
            t = connect()
            prompts = []
            def answer(title, instructions, fields):
                prompts.extend(p for p, echo in fields)
                return ["admin" for _ in fields]
            t.auth_interactive("admin", answer)
            print("KBI=%s %r" % (t.is_authenticated(), prompts))
            t.close()
            t = connect()
            t.auth_password("admin", "admin")
            print("PASSWORD=%s" % t.is_authenticated())
            t.close()
            t = connect()
            try:
                t.auth_password("admin", "wrong")
                print("WRONG=accepted")
            except paramiko.AuthenticationException:
                print("WRONG=refused")
            t.close()
            t = connect()
            t.auth_publickey("admin", paramiko.Ed25519Key.from_private_key_file(key_file))
            print("KEY=%s" % t.is_authenticated())
            t.close()
            """;
        await using var server = SshTestServer.Start(device: DeviceWithKey());

        var output = await RunPythonAsync("paramiko", Script, Port(server), KeyFile);

        Assert.That(output, Does.Contain("ALLOWED=keyboard-interactive,password,publickey\n"));
        Assert.That(output, Does.Contain("STRANGER=refused active=True\n"));
        Assert.That(output, Does.Contain("KBI=True ['Password: ']\n"), "netmiko 4.x answers the password to a prompt containing `ssword`");
        Assert.That(output, Does.Contain("PASSWORD=True\n"));
        Assert.That(output, Does.Contain("WRONG=refused\n"));
        Assert.That(output, Does.Contain("KEY=True\n"));
    }

    /// <summary>
    /// C1 as paramiko's SSHClient (and so netmiko, napalm and Ansible) does it: keys first (here an
    /// unknown one, as from ~/.ssh or an agent), then the password, on one connection. paramiko sends
    /// SSH_MSG_SERVICE_REQUEST "ssh-userauth" again before each method (RFC 4252 does not forbid it;
    /// OpenSSH's sshd accepts it until the user is authenticated).
    /// </summary>
    [Test]
    public async Task C01_ParamikoClientTriesAnUnknownKeyThenThePasswordOnOneConnection()
    {
        const string Script = """
            import sys, paramiko
            client = paramiko.SSHClient()
            client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
            try:
                client.connect("127.0.0.1", port=int(sys.argv[1]), username="admin", password="admin",
                               key_filename=sys.argv[2], look_for_keys=False, allow_agent=False)
                print("AUTH=" + client.get_transport().auth_handler.auth_method)
            except paramiko.SSHException as e:
                print("ERROR=%s: %s" % (type(e).__name__, e))
            client.close()
            """;
        await using var server = SshTestServer.Start(device: DeviceWithKey());
        var stranger = Path.Combine(_keys.FullName, "stranger");

        var output = await RunPythonAsync("paramiko", Script, Port(server), stranger);

        Assert.That(output, Is.EqualTo("AUTH=password\n"));
    }

    /// <summary>C2: the banner acknowledgement round, off by default. paramiko's side: PublicKeyAndBannerTests.</summary>
    [Test]
    public async Task C02_BannerAcknowledgementIsAskedBeforeThePasswordOnlyWhenConfigured()
    {
        await using var plain = SshTestServer.Start();
        var options = new SshServerOptions
        {
            HostKeys = SshTestServer.HostKeys,
            Banner = "Authorized access only.\r\n",
            RequireBannerAcknowledgement = true,
            Limits = new SshLimits { AuthFailureDelay = TimeSpan.FromMilliseconds(10) },
        };
        await using var acknowledging = SshTestServer.Start(options);

        var (plainPrompts, plainOk, _) = await KeyboardInteractiveAsync(plain.Port, acknowledgement: "yes");
        var (prompts, ok, banner) = await KeyboardInteractiveAsync(acknowledging.Port, acknowledgement: "yes");
        var (_, refused, _) = await KeyboardInteractiveAsync(acknowledging.Port, acknowledgement: "no");

        Assert.That(plainPrompts, Is.EqualTo(new[] { "Password: " }), "off by default");
        Assert.That(plainOk, Is.True);
        Assert.That(banner, Is.EqualTo("Authorized access only.\r\n"));
        Assert.That(prompts, Is.EqualTo(new[] { "Do you accept and acknowledge the statement above ? (yes/no) : ", "Password: " }));
        Assert.That(ok, Is.True);
        Assert.That(refused, Is.False, "anything but yes is a failed login");
    }

    /// <summary>C3: paramiko 2.12 connects with each of the key exchanges, CTR ciphers, SHA-2 MACs and host keys it knows.</summary>
    [Test]
    public async Task C03_Paramiko212NegotiatesEachKexCtrCipherSha2MacAndHostKey()
    {
        const string Script = """
            import sys, socket, paramiko
            port = int(sys.argv[1])
            def run(kex, cipher, mac, key):
                t = paramiko.Transport(socket.create_connection(("127.0.0.1", port)))
                o = t.get_security_options()
                o.kex, o.ciphers, o.digests, o.key_types = (kex,), (cipher,), (mac,), (key,)
                try:
                    t.start_client(timeout=10)
                    t.auth_password("admin", "admin")
                    c = t.open_session()
                    c.exec_command("show clock")
                    out = b""
                    while True:
                        chunk = c.recv(4096)
                        if not chunk:
                            break
                        out += chunk
                    ok = t.remote_cipher == cipher and t.remote_mac == mac and t.host_key.get_name() in (key, "ssh-rsa")
                    print("%s %s %s %s %s %r" % ("OK" if ok else "WRONG", kex, cipher, mac, key, out.decode()))
                except Exception as e:
                    print("FAIL %s %s %s %s %s" % (kex, cipher, mac, key, e))
                finally:
                    t.close()
            for kex in ("curve25519-sha256@libssh.org", "ecdh-sha2-nistp256", "diffie-hellman-group14-sha256"):
                run(kex, "aes128-ctr", "hmac-sha2-256-etm@openssh.com", "ssh-ed25519")
            for cipher in ("aes128-ctr", "aes256-ctr"):
                for mac in ("hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-sha2-256", "hmac-sha2-512"):
                    run("curve25519-sha256@libssh.org", cipher, mac, "ssh-ed25519")
            for key in ("ssh-ed25519", "ecdsa-sha2-nistp256", "rsa-sha2-512", "rsa-sha2-256"):
                run("curve25519-sha256@libssh.org", "aes256-ctr", "hmac-sha2-512-etm@openssh.com", key)
            """;

        // ECDH on NIST curves, the ECDSA host key and the encrypt-and-MAC HMACs are legacy algorithms, off by default.
        await using var server = SshTestServer.Start(SshTestServer.LegacyOptions);

        var output = await RunPythonAsync("paramiko", Script, Port(server));

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(15), output);
        Assert.That(lines, Has.All.StartWith("OK ").And.All.EndWith($"'\\n{Clock}\\n\\n'"), output);
    }

    /// <summary>
    /// C4: pty-req of netmiko 4.x's 511×1000, env, shell, window-change, a NUL from is_alive(), and exec
    /// on a second channel. Other sizes with paramiko: PythonClientTests.ParamikoPasswordShellWithAPtyOfAnySize.
    /// </summary>
    [Test]
    public async Task C04_AnyPtySizeEnvWindowChangeExecAndANulAreAccepted()
    {
        const string Script = """
            import sys, time, paramiko
            client = paramiko.SSHClient()
            client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
            client.connect("127.0.0.1", port=int(sys.argv[1]), username="admin", password="admin",
                           look_for_keys=False, allow_agent=False)
            transport = client.get_transport()
            shell = transport.open_session()
            shell.get_pty(term="vt100", width=511, height=1000)
            shell.update_environment({"LANG": "C", "TERM": "vt100"})
            shell.invoke_shell()
            time.sleep(1)
            shell.resize_pty(width=132, height=43)
            time.sleep(1)
            shell.send("\x00")
            shell.send("show clock\r")
            time.sleep(0.5)
            ex = transport.open_session()
            ex.exec_command("show clock")
            out = b""
            while True:
                chunk = ex.recv(4096)
                if not chunk:
                    break
                out += chunk
            print("EXEC=%d %r" % (ex.recv_exit_status(), out.decode()))
            shell.send("exit\r")
            data = b""
            while not shell.exit_status_ready() or shell.recv_ready():
                if shell.recv_ready():
                    data += shell.recv(65536)
                else:
                    time.sleep(0.05)
            print("SHELL=%r" % data.decode())
            """;
        await using var server = SshTestServer.Start();
        var sizes = new HashSet<(int, int)>();
        var python = RunPythonAsync("paramiko", Script, Port(server));
        while (!python.IsCompleted)
        {
            foreach (var session in server.Device.Admins.Snapshot())
            {
                sizes.Add((session.Settings.TerminalWidth, session.Settings.TerminalHeight));
            }

            await Task.Delay(20);
        }

        var output = await python;

        Assert.That(sizes, Does.Contain((511, 1000)), "the pty-req size");
        Assert.That(sizes, Does.Contain((132, 43)), "the window-change size");
        Assert.That(output, Does.Contain($"EXEC=0 '\\n{Clock}\\n\\n'"));
        Assert.That(output, Does.Contain($@"admin@PA-VM> show clock\r\n\r\n{Clock}\r\n\r\nadmin@PA-VM> exit\r\n'"), "the NUL is dropped: it neither shows nor counts as Enter");
        Assert.That(output.Split("admin@PA-VM> ").Length - 1, Is.EqualTo(3), output);
    }

    /// <summary>C5: each character is echoed before Enter (scrapli waits for it); `\r`, `\n` and `\r\n` are each one Enter.</summary>
    [Test]
    public async Task C05_EveryCharacterIsEchoedBeforeEnterAndEachLineEndIsOneEnter()
    {
        await using var server = SshTestServer.Start();
        using var shell = await Shell.OpenAsync(server);
        await shell.CommandAsync("set cli scripting-mode on", Prompt);

        var echoes = new List<string>();
        foreach (var c in "show clock")
        {
            var mark = shell.Mark;
            shell.Send(c.ToString());
            echoes.Add(await shell.WaitForAsync(text => text.Length > 0, mark));
        }

        Assert.That(echoes, Is.EqualTo("show clock".Select(c => c.ToString()).ToArray()));
        foreach (var enter in new[] { "\r", "\n", "\r\n" })
        {
            var mark = shell.Mark;
            shell.Send(enter);
            Assert.That(await shell.WaitForAsync(text => text.EndsWith(Prompt, StringComparison.Ordinal), mark), Is.EqualTo($"\r\n\r\n{Clock}\r\n\r\n{Prompt}"));
            Assert.That(await shell.QuietForAsync(TimeSpan.FromMilliseconds(300)), Is.True, $"{Printable(enter)} is one Enter, not two");
            shell.Send("show clock");
            await shell.WaitForAsync(text => text.EndsWith("show clock", StringComparison.Ordinal), mark);
        }
    }

    /// <summary>C6: prompts for a standalone firewall and each HA state, in both modes, match scrapli's and netmiko's expectations.</summary>
    [TestCase(null)]
    [TestCase("active")]
    [TestCase("passive")]
    [TestCase("active-primary")]
    [TestCase("active-secondary")]
    public async Task C06_PromptsEndInOneSpaceWithOptionalHaState(string? haState)
    {
        var device = DefaultDevice.Create(new ManualTimeProvider(Now), new DeviceIdentity { HaState = haState });
        await using var server = SshTestServer.Start(device: device);
        var name = haState is null ? "admin@PA-VM" : $"admin@PA-VM({haState})";
        using var shell = await Shell.OpenAsync(server, name + "> ");

        var operational = LastLine(shell.Text);
        var configuration = LastLine(await shell.CommandAsync("configure", name + "# "));

        Assert.That(operational, Is.EqualTo(name + "> "));
        Assert.That(configuration, Is.EqualTo(name + "# "));
        foreach (var (prompt, terminator) in new[] { (operational, '>'), (configuration, '#') })
        {
            // scrapli_community paloalto_panos, multi-line and case-insensitive.
            var scrapli = new Regex(@"^[\w\._-]+@[\w\.\(\)_-]+" + Regex.Escape(terminator.ToString()) + @"\s?$", RegexOptions.Multiline | RegexOptions.IgnoreCase);
            Assert.That(scrapli.IsMatch(prompt), Is.True, prompt);
            Assert.That(prompt.Count(c => c is '>' or '#'), Is.EqualTo(1), "netmiko splits on [>#]");
            Assert.That(prompt[^2..], Is.EqualTo(terminator + " "));
        }
    }

    /// <summary>C7: after netmiko 4.x's normalisation the echoed command reads on the prompt's line, and its `[>#].*mode on` matches.</summary>
    [Test]
    public async Task C07_TheEchoedCommandIsOnThePromptLine()
    {
        await using var server = SshTestServer.Start();
        using var shell = await Shell.OpenAsync(server);

        var raw = await shell.CommandAsync("set cli scripting-mode on", Prompt);

        Assert.That(Regex.IsMatch(raw, "[>#].*mode on"), Is.True, Printable(raw));
        var lines = NormaliseLikeNetmiko4(Prompt + raw).Split('\n');
        Assert.That(lines, Does.Contain("admin@PA-VM> set cli scripting-mode on"), Printable(raw));
        var scripted = await shell.CommandAsync("show clock", Prompt);
        Assert.That(Prompt + scripted, Does.StartWith("admin@PA-VM> show clock\r\n"), "in scripting mode the raw bytes already read so");
    }

    /// <summary>C8: the three session settings commands print nothing but the line end and the prompt.</summary>
    [Test]
    public async Task C08_SessionSettingCommandsPrintOnlyThePrompt()
    {
        await using var server = SshTestServer.Start();
        using var shell = await Shell.OpenAsync(server);

        var first = await shell.CommandAsync("set cli scripting-mode on", Prompt);
        var pager = await shell.CommandAsync("set cli pager off", Prompt);
        var width = await shell.CommandAsync("set cli terminal width 500", Prompt);
        var again = await shell.CommandAsync("set cli scripting-mode on", Prompt);

        Assert.That(first, Does.EndWith("admin@PA-VM> set cli scripting-mode on\r\n" + Prompt), "the last repaint, then the line end and the prompt");
        Assert.That(pager, Is.EqualTo("set cli pager off\r\n" + Prompt));
        Assert.That(width, Is.EqualTo("set cli terminal width 500\r\n" + Prompt));
        Assert.That(again, Is.EqualTo("set cli scripting-mode on\r\n" + Prompt));
        Assert.That(await shell.QuietForAsync(TimeSpan.FromMilliseconds(300)), Is.True, "nothing else follows");
    }

    /// <summary>C9: what netmiko 4.6 (and 4.0–4.5) waits for at login, and autodetect's probe.</summary>
    [Test]
    public async Task C09_ShowSystemInfoHasModelAndOperationalModeAndShowAdminsHasClient()
    {
        await using var server = SshTestServer.Start();
        using var shell = await Shell.OpenAsync(server);
        await shell.CommandAsync("set cli scripting-mode on", Prompt);
        await shell.CommandAsync("set cli pager off", Prompt);

        var info = await shell.CommandAsync("show system info", Prompt);
        var admins = await shell.CommandAsync("show admins", Prompt);

        Assert.That(info, Does.Match(@"\r\nmodel: PA-[A-Z0-9-]+\r\n"));
        Assert.That(info, Does.Contain("\r\noperational-mode: normal\r\n"));
        var header = admins.Split("\r\n").FirstOrDefault(l => l.StartsWith("Admin ", StringComparison.Ordinal));
        Assert.That(header, Does.Contain("Client"), Printable(admins));
    }

    /// <summary>
    /// C10: `configure`, `[edit]` before every configuration prompt (netmiko's check_config_mode looks for
    /// `]` after an empty Enter), `exit` back to `>`. With netmiko itself: NetmikoSshTests, NetmikoTelnetTests.
    /// </summary>
    [Test]
    public async Task C10_ConfigurePrintsEditBeforeEveryPromptAndExitLeaves()
    {
        await using var server = SshTestServer.Start();
        using var shell = await Shell.OpenAsync(server);
        await shell.CommandAsync("set cli scripting-mode on", Prompt);

        var notYet = await shell.CommandAsync(string.Empty, Prompt);
        var configure = await shell.CommandAsync("configure", ConfigPrompt);
        var empties = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            empties.Add(await shell.CommandAsync(string.Empty, ConfigPrompt));
        }

        var exit = await shell.CommandAsync("exit", Prompt);

        Assert.That(notYet, Is.EqualTo("\r\n" + Prompt).And.Not.Contain("]"), "operational mode has no context line");
        Assert.That(configure, Is.EqualTo("configure\r\nEntering configuration mode\r\n[edit]\r\n" + ConfigPrompt));
        Assert.That(empties, Has.All.EqualTo("\r\n[edit]\r\n" + ConfigPrompt));
        Assert.That(exit, Is.EqualTo("exit\r\nExiting configuration mode\r\n" + Prompt));
    }

    /// <summary>
    /// C11: the commit report, from the job line to the prompt, is one write: the SSH message that brings
    /// `100%` also brings `Configuration committed successfully`. The forms netmiko builds are accepted.
    /// With netmiko's commit(): NetmikoSshTests; with panos_admpwd's: ParamikoAdminPasswordTests.
    /// </summary>
    [Test]
    public async Task C11_CommitReportsSuccessInTheSameWriteAsHundredPercent()
    {
        await using var server = SshTestServer.Start();
        using var shell = await Shell.OpenAsync(server);
        await shell.CommandAsync("set cli scripting-mode on", Prompt);
        await shell.CommandAsync("configure", ConfigPrompt);

        var reports = new List<string>();
        foreach (var form in new[] { "commit force", "commit force partial device-and-network excluded", "commit force partial vsys1 device-and-network excluded" })
        {
            reports.Add(await CommittedAsync(shell, form));
        }

        shell.Send("set mgt-config users admin password\r");
        await shell.WaitForAsync(text => text.EndsWith("Enter password   : ", StringComparison.Ordinal), shell.Mark);
        shell.Send("Secret-1\r");
        await shell.WaitForAsync(text => text.EndsWith("Confirm password : ", StringComparison.Ordinal), shell.Mark);
        await shell.CommandAsync("Secret-1", ConfigPrompt);
        reports.Add(await CommittedAsync(shell, "commit description \"netmiko run\""));
        var nothing = await shell.CommandAsync("commit", ConfigPrompt);

        Assert.That(reports, Has.All.Match(@"^\r\nCommit job \d+ is in progress\. Use Ctrl\+C to return to command prompt\r\n(\.+\d+%)*\.+100%\r\nConfiguration committed successfully\r\n\r\n\[edit\]\r\nadmin@PA-VM# $"));
        Assert.That(nothing, Is.EqualTo("commit\r\nThere are no changes to commit.\r\n\r\n[edit]\r\n" + ConfigPrompt));
    }

    /// <summary>
    /// C11: a commit that fails validation says `Validation Error:` and `Commit failed`, in the same write
    /// as `100%` (netmiko reads up to `100%` and reports what it read).
    /// </summary>
    [Test]
    public async Task C11_AFailedCommitPrintsCommitFailed()
    {
        await using var server = SshTestServer.Start();
        using var shell = await Shell.OpenAsync(server);
        await shell.CommandAsync("set cli scripting-mode on", Prompt);
        await shell.CommandAsync("configure", ConfigPrompt);
        await shell.CommandAsync("set rulebase security rules broken from nowhere to untrust", ConfigPrompt);

        var started = shell.Now;
        var report = await shell.CommandAsync("commit", ConfigPrompt);
        var chunks = await shell.ChunksAsync(started, ConfigPrompt);

        Assert.That(report, Does.StartWith("commit\r\n\r\nCommit job "));
        Assert.That(report, Does.Contain("100%\r\nValidation Error:\r\n"));
        Assert.That(report, Does.EndWith("\r\nCommit failed\r\n[edit]\r\n" + ConfigPrompt));
        Assert.That(report, Does.Not.Contain("successfully"));
        Assert.That(chunks.First(c => c.Data.Contains("100%", StringComparison.Ordinal)).Data, Does.Contain("Commit failed"), "in the same write as 100%");
        Assert.That(await shell.CommandAsync("commit", ConfigPrompt), Does.Contain("Commit failed"), "the candidate stays broken");
    }

    /// <summary>C12: `Unknown command: &lt;word&gt;` and `Invalid syntax.`, each followed by a prompt at once.</summary>
    [Test]
    public async Task C12_UnknownCommandAndInvalidSyntaxPrintExactlyAndPromptAtOnce()
    {
        await using var server = SshTestServer.Start();
        using var shell = await Shell.OpenAsync(server);
        await shell.CommandAsync("set cli scripting-mode on", Prompt);

        var started = Stopwatch.StartNew();
        var unknown = await shell.CommandAsync("bogus", Prompt);
        var unknownTime = started.Elapsed;
        var invalid = await shell.CommandAsync("show nonsense", Prompt);
        await shell.CommandAsync("configure", ConfigPrompt);
        var configUnknown = await shell.CommandAsync("bogus", ConfigPrompt);

        Assert.That(unknown, Is.EqualTo("bogus\r\nUnknown command: bogus\r\n" + Prompt));
        Assert.That(unknownTime, Is.LessThan(TimeSpan.FromSeconds(1)));
        Assert.That(invalid, Is.EqualTo("show nonsense\r\nInvalid syntax.\r\n" + Prompt));
        Assert.That(configUnknown, Does.StartWith("bogus\r\n").And.EndWith("[edit]\r\n" + ConfigPrompt));
        Assert.That(configUnknown, Does.Contain("Unknown command: bogus").Or.Contain("Invalid syntax."), "scrapli fails the command on either text");
    }

    /// <summary>
    /// C12: `Server error : ` (here for a job that does not exist; that wording is reconstructed from the
    /// XML API, only the prefix is captured) and `Validation Error:` (a commit that names a missing zone),
    /// the prefixes scrapli fails a command on.
    /// </summary>
    [Test]
    public async Task C12_ServerErrorAndValidationErrorTexts()
    {
        await using var server = SshTestServer.Start();
        using var shell = await Shell.OpenAsync(server);
        await shell.CommandAsync("set cli scripting-mode on", Prompt);

        var serverError = await shell.CommandAsync("show jobs id 999", Prompt);
        await shell.CommandAsync("configure", ConfigPrompt);
        await shell.CommandAsync("set rulebase security rules broken from nowhere to untrust", ConfigPrompt);
        var validation = await shell.CommandAsync("commit", ConfigPrompt);

        Assert.That(serverError, Does.Match(@"^show jobs id 999\r\nServer error : \S.*\r\nadmin@PA-VM> $"));
        Assert.That(validation, Does.Contain("\r\nValidation Error:\r\n rulebase -> security -> rules -> broken -> from 'nowhere' is not a valid reference\r\n"));
    }

    /// <summary>C13: repaint by default, none on the forgiving device, none in scripting mode. The netmiko side: NetmikoSshTests.</summary>
    [Test]
    public async Task C13_TheLineIsRepaintedAfterEachSpaceUnlessScriptingModeOrTheForgivingDevice()
    {
        await using var repainting = SshTestServer.Start();
        var forgivingDevice = DefaultDevice.Create(new ManualTimeProvider(Now));
        forgivingDevice.Behavior = forgivingDevice.Behavior with { RepaintWords = false };
        await using var forgiving = SshTestServer.Start(device: forgivingDevice);
        using var real = await Shell.OpenAsync(repainting);
        using var kind = await Shell.OpenAsync(forgiving);

        var repainted = await real.CommandAsync("show clock", Prompt);
        var plain = await kind.CommandAsync("show clock", Prompt);
        await real.CommandAsync("set cli scripting-mode on", Prompt);
        var scripted = await real.CommandAsync("show clock", Prompt);
        await real.CommandAsync("configure", ConfigPrompt);
        var inConfig = await real.CommandAsync("run show clock", ConfigPrompt);

        Assert.That(repainted, Is.EqualTo($"show \r\u001b[K{Prompt}show clock\r\n\r\n{Clock}\r\n\r\n{Prompt}"));
        Assert.That(plain, Is.EqualTo($"show clock\r\n\r\n{Clock}\r\n\r\n{Prompt}"));
        Assert.That(scripted, Is.EqualTo(plain));
        Assert.That(inConfig, Does.StartWith("run show clock\r\n"), "scripting mode holds in configuration mode too");
    }

    /// <summary>
    /// C14: `login: ` then `Password: `, and echo for a client that refuses every option (Python's
    /// telnetlib). With netmiko's paloalto_panos_telnet: NetmikoTelnetTests.
    /// </summary>
    [TestCase(false)]
    [TestCase(true)]
    public async Task C14_TelnetAsksLoginThenPasswordAndEchoesWhateverWasNegotiated(bool acceptAll)
    {
        var device = DefaultDevice.Create(new ManualTimeProvider(Now));
        await using var host = new TelnetHost(device, new IPEndPoint(IPAddress.Loopback, 0));
        host.Start();
        await using var client = await TelnetTestClient.ConnectAsync(host.LocalEndpoint, acceptAll);

        Assert.That(await client.WaitForTextAsync("login: ", Wait), Is.True);
        var login = client.ReceivedText;
        await client.SendAsync("admin\r\n");
        Assert.That(await client.WaitForTextAsync("Password: ", Wait), Is.True);
        var password = client.ReceivedText[login.Length..];
        await client.SendAsync("admin\r\n");
        Assert.That(await client.WaitForTextAsync(Prompt, Wait), Is.True, client.ReceivedText);
        var before = client.ReceivedText.Length;
        await client.SendAsync("show");
        Assert.That(await client.WaitForTextAsync(Prompt + "show", Wait), Is.True, "echoed before Enter");

        Assert.That(login, Is.EqualTo("login: "));
        Assert.That(Regex.IsMatch(login, "user:|username|login|user name"), Is.True, "netmiko's username pattern");
        Assert.That(Regex.IsMatch(login, "login:", RegexOptions.IgnoreCase), Is.True, "scrapli's");
        Assert.That(password, Is.EqualTo("admin\r\nPassword: "));
        Assert.That(Regex.IsMatch(password, "assword"), Is.True, "netmiko's password pattern");
        Assert.That(Regex.IsMatch(password, "password:", RegexOptions.IgnoreCase), Is.True, "scrapli's");
        Assert.That(client.ReceivedText[before..], Is.EqualTo("show"));
    }

    /// <summary>
    /// C15: every reply is complete within a second of Enter, arrives as one burst (all its SSH messages
    /// within 50 ms), and nothing trickles in afterwards. netmiko with fast_cli, which gives up after
    /// 0.2 s of quiet, runs 20 connections in NetmikoSshTests and NetmikoTelnetTests.
    /// </summary>
    [Test]
    public async Task C15_EveryReplyIsPromptAndInOneBurst()
    {
        await using var server = SshTestServer.Start();
        using var shell = await Shell.OpenAsync(server);
        await shell.CommandAsync("set cli pager off", Prompt);

        var commands = new (string Line, string Prompt)[]
        {
            ("show system info", Prompt), ("show session info", Prompt), ("show clock", Prompt), ("show admins", Prompt),
            ("show counter global", Prompt), ("bogus", Prompt), ("configure", ConfigPrompt), (string.Empty, ConfigPrompt),
            ("commit force", ConfigPrompt), ("exit", Prompt),
        };
        foreach (var (line, prompt) in commands)
        {
            var mark = shell.Mark;
            var started = shell.Now;
            shell.Send(line + "\r");
            await shell.WaitForAsync(text => text.EndsWith(prompt, StringComparison.Ordinal), mark);
            var chunks = await shell.ChunksAsync(started, prompt);

            Assert.That(chunks[^1].At - started, Is.LessThan(TimeSpan.FromSeconds(1)), line);
            Assert.That(chunks[^1].At - chunks[0].At, Is.LessThan(TimeSpan.FromMilliseconds(50)), $"{line}: {chunks.Count} messages");
            Assert.That(await shell.QuietForAsync(TimeSpan.FromMilliseconds(300)), Is.True, $"{line}: nothing after the prompt");
        }
    }

    private Device DeviceWithKey()
    {
        var line = File.ReadAllText(KeyFile + ".pub").Split(' ');
        var admin = new UserAccount("admin", "admin") { AuthorizedKeys = [Convert.FromBase64String(line[1])] };
        return new Device(new DeviceIdentity(), [admin], new ManualTimeProvider(Now), DefaultDevice.Seed);
    }

    private static async Task<string> CommittedAsync(Shell shell, string form)
    {
        var started = shell.Now;
        var text = await shell.CommandAsync(form, ConfigPrompt);
        var chunks = await shell.ChunksAsync(started, ConfigPrompt);
        var hundred = chunks.First(c => c.Data.Contains("100%", StringComparison.Ordinal));
        Assert.That(hundred.Data, Does.Contain("100%\r\nConfiguration committed successfully\r\n"), $"{form}: the message with 100% carries the success line");
        Assert.That(text, Does.StartWith(form + "\r\n"));
        return text[(form.Length + 2)..];
    }

    private static async Task<(List<string> Prompts, bool Authenticated, string? Banner)> KeyboardInteractiveAsync(int port, string acknowledgement)
    {
        var prompts = new List<string>();
        using var method = new KeyboardInteractiveAuthenticationMethod("admin");
        method.AuthenticationPrompt += (_, e) =>
        {
            foreach (var prompt in e.Prompts)
            {
                prompts.Add(prompt.Request);
                prompt.Response = prompt.Request.Contains("acknowledge", StringComparison.Ordinal) ? acknowledgement : "admin";
            }
        };
        var info = new ConnectionInfo("127.0.0.1", port, "admin", method) { Timeout = Wait };
        string? banner = null;
        info.AuthenticationBanner += (_, e) => banner = e.BannerMessage;
        using var client = new SshClient(info);
        try
        {
            await client.ConnectAsync(CancellationToken.None);
            return (prompts, client.IsConnected, banner);
        }
        catch (SshAuthenticationException)
        {
            return (prompts, false, banner);
        }
    }

    /// <summary>netmiko 4.x's read normalisation: line ends to `\n`, lone `\r` to `\n`, `ESC[K` and friends removed.</summary>
    private static string NormaliseLikeNetmiko4(string text) =>
        Regex.Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), @"\u001b\[[0-9;]*[A-Za-z]", string.Empty).Replace('\r', '\n');

    private static string LastLine(string text) => text[(text.LastIndexOf('\n') + 1)..];

    private static string Printable(string text) =>
        text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\u001b", "\\e", StringComparison.Ordinal);

    private static string Port(SshTestServer server) => server.Port.ToString(CultureInfo.InvariantCulture);

    private static async Task<string> RunPythonAsync(string module, string script, params string[] arguments)
    {
        DebianPython.Require(module);
        var (exit, output, error) = await PythonProcess.RunAsync(script, arguments, TimeSpan.FromMinutes(2));
        Assert.That(exit, Is.EqualTo(0), error + output);
        return output;
    }

    /// <summary>
    /// An SSH.NET shell (vt100 80×24). A dedicated thread reads the stream, so no thread pool thread is
    /// held while the server (which runs on the pool) answers; every channel data message is also kept
    /// with its arrival time (<see cref="ShellStream.DataReceived"/>: one message per server write).
    /// </summary>
    private sealed class Shell : IDisposable
    {
        private readonly SshClient _client;
        private readonly ShellStream _stream;
        private readonly Lock _gate = new();
        private readonly StringBuilder _text = new();
        private readonly List<(TimeSpan At, string Data)> _chunks = [];
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Thread _reader;

        private Shell(SshClient client)
        {
            _client = client;
            _stream = client.CreateShellStream("vt100", 80, 24, 0, 0, 65536);
            _stream.DataReceived += (_, e) =>
            {
                var data = Encoding.UTF8.GetString(e.Data);
                lock (_gate)
                {
                    _chunks.Add((_clock.Elapsed, data));
                }
            };
            _reader = new Thread(ReadLoop) { IsBackground = true, Name = "contract test shell reader" };
            _reader.Start();
        }

        public int Mark
        {
            get
            {
                lock (_gate)
                {
                    return _text.Length;
                }
            }
        }

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return _text.ToString();
                }
            }
        }

        public TimeSpan Now => _clock.Elapsed;

        public static async Task<Shell> OpenAsync(SshTestServer server, string prompt = Prompt)
        {
            var client = new SshClient(new ConnectionInfo("127.0.0.1", server.Port, "admin", new PasswordAuthenticationMethod("admin", "admin")) { Timeout = Wait });
            await client.ConnectAsync(CancellationToken.None);
            var shell = new Shell(client);
            await shell.WaitForAsync(text => text.EndsWith(prompt, StringComparison.Ordinal), 0);
            return shell;
        }

        public void Send(string text)
        {
            _stream.Write(text);
            _stream.Flush();
        }

        /// <summary>Sends the line and Enter; returns everything received up to the expected prompt.</summary>
        public async Task<string> CommandAsync(string line, string prompt)
        {
            var mark = Mark;
            Send(line + "\r");
            return await WaitForAsync(text => text.EndsWith(prompt, StringComparison.Ordinal), mark);
        }

        /// <summary>Waits until the text received since <paramref name="mark"/> satisfies the condition, and returns it.</summary>
        public async Task<string> WaitForAsync(Func<string, bool> condition, int mark)
        {
            var deadline = _clock.Elapsed + Wait;
            while (true)
            {
                var text = Text[mark..];
                if (condition(text))
                {
                    return text;
                }

                if (_clock.Elapsed > deadline)
                {
                    Assert.Fail("timed out; received: " + Printable(text));
                }

                await Task.Delay(2);
            }
        }

        public async Task<bool> QuietForAsync(TimeSpan span)
        {
            var mark = Mark;
            await Task.Delay(span);
            return Mark == mark;
        }

        /// <summary>The messages that arrived since <paramref name="start"/>, once they end with <paramref name="suffix"/>.</summary>
        public async Task<List<(TimeSpan At, string Data)>> ChunksAsync(TimeSpan start, string suffix)
        {
            var deadline = _clock.Elapsed + Wait;
            while (true)
            {
                List<(TimeSpan At, string Data)> chunks;
                lock (_gate)
                {
                    chunks = _chunks.Where(c => c.At >= start).ToList();
                }

                if (string.Concat(chunks.Select(c => c.Data)).EndsWith(suffix, StringComparison.Ordinal))
                {
                    return chunks;
                }

                if (_clock.Elapsed > deadline)
                {
                    Assert.Fail("timed out waiting for the messages to end with " + Printable(suffix));
                }

                await Task.Delay(2);
            }
        }

        public void Dispose()
        {
            _stream.Dispose();
            _client.Dispose();
            _reader.Join(Wait);
        }

        private void ReadLoop()
        {
            var buffer = new byte[65536];
            try
            {
                int read;
                while ((read = _stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    var data = Encoding.UTF8.GetString(buffer, 0, read);
                    lock (_gate)
                    {
                        _text.Append(data);
                    }
                }
            }
            catch (Exception e) when (e is ObjectDisposedException or SshException or IOException)
            {
                // The shell was closed.
            }
        }
    }
}
