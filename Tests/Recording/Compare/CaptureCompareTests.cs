using System.Text;
using VirtualFirewall.Emulator.Recording;
using VirtualFirewall.Emulator.Recording.Compare;

namespace VirtualFirewall.Tests.Recording.Compare;

/// <summary>`transcript compare`: a capture of a real session replayed against the emulator, command by command.</summary>
[TestFixture]
public sealed class CaptureCompareTests
{
    private const string KbHeader = "device session-tracker-kb (PAN-OS 10.2.10) named PA-VM at 2013-09-09T16:43:00Z; - capture, + emulator\n";

    private static readonly DateTimeOffset KbBoot = new(2013, 9, 9, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset KbClock = new(2013, 9, 9, 16, 43, 0, TimeSpan.Zero);

    /// <summary>
    /// A netmiko session_log of the default device renamed `fw01`, an HA member (outputs from the golden
    /// transcripts, which follow the reference samples): session preparation without scripting mode,
    /// show commands, configuration mode with its `[edit]` lines, and the final bare prompt.
    /// </summary>
    private static readonly string DefaultCapture = string.Join("\r\n",
        "Number of failed attempts since last successful login: 0",
        string.Empty,
        string.Empty,
        "Warning: Your device is still configured with the default admin account credentials. Please change your password prior to deployment.",
        "admin@fw01(active)> ",
        "admin@fw01(active)> set \r\u001b[Kadmin@fw01(active)> set cli \r\u001b[Kadmin@fw01(active)> set cli pager \r\u001b[Kadmin@fw01(active)> set cli pager off",
        "admin@fw01(active)> show \r\u001b[Kadmin@fw01(active)> show clock",
        string.Empty,
        "Fri Nov 27 18:56:14 UTC 2026",
        string.Empty,
        "admin@fw01(active)> show \r\u001b[Kadmin@fw01(active)> show system \r\u001b[Kadmin@fw01(active)> show system info",
        string.Empty,
        "hostname: fw01",
        "ip-address: 192.168.1.1",
        "public-ip-address: unknown",
        "netmask: 255.255.255.0",
        "default-gateway: 192.168.1.254",
        "ip-assignment: static",
        "ipv6-address: unknown",
        "ipv6-link-local-address: fe80::5054:ff:fe12:3401/64",
        "ipv6-default-gateway: ",
        "mac-address: 52:54:00:12:34:01",
        "time: Fri Nov 27 18:56:14 2026",
        "uptime: 7 days, 10:56:14",
        "family: vm",
        "model: PA-VM",
        "serial: 007954000351998",
        "vm-mac-base: BA:DB:EE:FB:AD:00",
        "vm-mac-count: 256",
        "vm-uuid: 8A3C6A1E-5B0D-4F4E-9E21-3C5D7B9A0F12",
        "vm-cpuid: KVM:A7060200FFFB8B1F",
        "vm-license: VM-100",
        "vm-mode: KVM",
        "cloud-mode: non-cloud",
        "sw-version: 10.2.10",
        "global-protect-client-package-version: 0.0.0",
        "app-version: 8863-9019",
        "app-release-date: 2024/06/18 15:40:18 PDT",
        "av-version: 4836-5354",
        "av-release-date: 2024/06/19 05:04:41 PDT",
        "threat-version: 8863-9019",
        "threat-release-date: 2024/06/18 15:40:18 PDT",
        "wf-private-version: 0",
        "wf-private-release-date: unknown",
        "url-db: paloaltonetworks",
        "wildfire-version: 0",
        "wildfire-release-date: unknown",
        "url-filtering-version: 20240619.20195",
        "global-protect-datafile-version: unknown",
        "global-protect-datafile-release-date: unknown",
        "global-protect-clientless-vpn-version: 0",
        "global-protect-clientless-vpn-release-date: ",
        "logdb-version: 10.2.2",
        "platform-family: vm",
        "vpn-disable-mode: off",
        "multi-vsys: off",
        "operational-mode: normal",
        string.Empty,
        "admin@fw01(active)> configure",
        "Entering configuration mode",
        "[edit]",
        "admin@fw01(active)# run show clock",
        string.Empty,
        "Fri Nov 27 18:56:14 UTC 2026",
        string.Empty,
        "[edit]",
        "admin@fw01(active)# show clock",
        "Invalid syntax.",
        "[edit]",
        "admin@fw01(active)# exit",
        "Exiting configuration mode",
        "admin@fw01(active)> ");

    [TestCase("session-4632-modern.txt", null, "10.2.10")]
    [TestCase("session-4632-legacy.txt", "6.1.0", "6.1.0")]
    public void A_capture_of_the_kb_device_that_the_emulator_reproduces_reports_no_difference(string transcript, string? swVersion, string reported)
    {
        var output = new StringWriter();

        var code = CompareCommand.Compare(KbCapture(transcript), KbOptions(swVersion), output);

        Assert.That(output.ToString(), Is.EqualTo(KbHeader.Replace("10.2.10", reported, StringComparison.Ordinal) + "\n3 commands, 3 identical, 0 different\n"));
        Assert.That(code, Is.EqualTo(CompareCommand.Identical));
    }

    [Test]
    public void A_default_device_capture_reproduced_byte_for_byte_reports_no_difference()
    {
        var output = new StringWriter();

        var code = CompareCommand.Compare(DefaultCapture, new CompareOptions { CapturePath = "fw01.log" }, output);

        Assert.That(output.ToString(), Is.EqualTo(
            "device default (PAN-OS 10.2.10) named fw01 at 2026-11-27T18:56:14Z; - capture, + emulator\n\n8 commands, 8 identical, 0 different\n"));
        Assert.That(code, Is.EqualTo(CompareCommand.Identical));
    }

    [Test]
    public void Two_changed_lines_are_reported_exactly()
    {
        var capture = KbCapture("session-4632-modern.txt")
            .Replace("total byte count(c2s)                : 893", "total byte count(c2s)                : 983", StringComparison.Ordinal)
            .Replace("session 4633 not found", "Session 4633 not found", StringComparison.Ordinal);
        var output = new StringWriter();

        var code = CompareCommand.Compare(capture, KbOptions(), output);

        Assert.That(output.ToString(), Is.EqualTo(KbHeader
            + "\n"
            + "line 6: admin@PA-VM> show session id 4632\n"
            + "          timeout                              : 30 sec\n"
            + "          time to live                         : 16 sec \n"
            + "-         total byte count(c2s)                : 983\n"
            + "+         total byte count(c2s)                : 893\n"
            + "          total byte count(s2c)                : 1156\n"
            + "          layer7 packet count(c2s)             : 11\n"
            + "\n"
            + "line 54: admin@PA-VM> show session id 4633\n"
            + "  \n"
            + "- Session 4633 not found\n"
            + "+ session 4633 not found\n"
            + "\n"
            + "3 commands, 1 identical, 2 different\n"));
        Assert.That(code, Is.EqualTo(CompareCommand.Different));
    }

    [Test]
    public void Ignored_lines_leave_both_sides_and_invisible_differences_are_named()
    {
        var capture = DefaultCapture
            .Replace("Fri Nov 27 18:56:14 UTC 2026", "Thu Jan  4 10:12:05 PST 2024", StringComparison.Ordinal)
            .Replace("ipv6-default-gateway: ", "ipv6-default-gateway:", StringComparison.Ordinal)
            .Replace("uptime: 7 days, 10:56:14", "uptime: 0 days, 2:10:09\t", StringComparison.Ordinal);
        var output = new StringWriter();

        var code = CompareCommand.Compare(capture, new CompareOptions { CapturePath = "fw01.log", Ignore = [@"^\w{3} \w{3} [ \d]\d ", "^uptime: "] }, output);

        Assert.That(output.ToString(), Is.EqualTo(
            "device default (PAN-OS 10.2.10) named fw01 at 2026-11-27T18:56:14Z; - capture, + emulator\n"
            + "\n"
            + "line 11: admin@fw01(active)> show system info\n"
            + "  ipv6-address: unknown\n"
            + "  ipv6-link-local-address: fe80::5054:ff:fe12:3401/64\n"
            + "- ipv6-default-gateway:\n"
            + "+ ipv6-default-gateway:⟨SP⟩\n"
            + "  mac-address: 52:54:00:12:34:01\n"
            + "  time: Fri Nov 27 18:56:14 2026\n"
            + "\n"
            + "8 commands, 7 identical, 1 different\n"));
        Assert.That(code, Is.EqualTo(CompareCommand.Different));
    }

    [Test]
    public void The_clock_and_hostname_options_shape_the_device()
    {
        var capture = "admin@edge-7> show clock\r\n\r\nThu Jan  4 10:12:05 UTC 2024\r\n\r\nadmin@edge-7> show system info | match hostname\r\nhostname: lab\r\nadmin@edge-7> ";
        var output = new StringWriter();

        var code = CompareCommand.Compare(capture, new CompareOptions { CapturePath = "edge.log", Clock = new DateTimeOffset(2024, 1, 4, 10, 12, 5, TimeSpan.Zero), Hostname = "lab" }, output);

        Assert.That(output.ToString(), Is.EqualTo("device default (PAN-OS 10.2.10) named lab at 2024-01-04T10:12:05Z; - capture, + emulator\n\n2 commands, 2 identical, 0 different\n"));
        Assert.That(code, Is.EqualTo(CompareCommand.Identical));
    }

    [Test]
    public void Run_reads_the_capture_file()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, DefaultCapture.Replace("Invalid syntax.", "Unknown command: clock", StringComparison.Ordinal));
            var output = new StringWriter();

            var code = CompareCommand.Run(new CompareOptions { CapturePath = path }, output);

            Assert.That(output.ToString(), Does.Contain("\nline 67: admin@fw01(active)# show clock\n- Unknown command: clock\n+ Invalid syntax.\n  [edit]\n\n8 commands, 7 identical, 1 different\n"));
            Assert.That(code, Is.EqualTo(CompareCommand.Different));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void An_empty_or_missing_capture_or_a_bad_option_exits_2_with_the_reason()
    {
        var path = Path.GetTempFileName();
        try
        {
            var empty = new StringWriter();
            var missing = new StringWriter();
            var noPrompt = new StringWriter();
            var device = new StringWriter();
            var regex = new StringWriter();
            var missingPath = Path.Combine(Path.GetTempPath(), "vf-no-such-capture.log");

            Assert.Multiple(() =>
            {
                Assert.That(CompareCommand.Run(new CompareOptions { CapturePath = path }, empty), Is.EqualTo(CompareCommand.Unusable));
                Assert.That(CompareCommand.Run(new CompareOptions { CapturePath = missingPath }, missing), Is.EqualTo(CompareCommand.Unusable));
                Assert.That(CompareCommand.Compare("Connection refused\n", new CompareOptions { CapturePath = "x.log" }, noPrompt), Is.EqualTo(CompareCommand.Unusable));
                Assert.That(CompareCommand.Compare(DefaultCapture, new CompareOptions { CapturePath = "x.log", Device = "pa-5450" }, device), Is.EqualTo(CompareCommand.Unusable));
                Assert.That(CompareCommand.Compare(DefaultCapture, new CompareOptions { CapturePath = "x.log", Ignore = ["(uptime"] }, regex), Is.EqualTo(CompareCommand.Unusable));
            });
            Assert.That(empty.ToString(), Is.EqualTo($"cannot use capture {path}: the capture is empty\n"));
            Assert.That(missing.ToString(), Does.StartWith($"cannot read capture {missingPath}: "));
            Assert.That(noPrompt.ToString(), Is.EqualTo("cannot use capture x.log: no PAN-OS prompt (such as `admin@PA-VM> show clock`) at the start of any line of the capture\n"));
            Assert.That(device.ToString(), Is.EqualTo("--device: unknown device `pa-5450`; known: default, session-tracker-kb, tracker-stages\n"));
            Assert.That(regex.ToString(), Does.StartWith("--ignore `(uptime`: "));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void The_command_line_parses_every_option()
    {
        var command = CompareCommand.Create();

        var parsed = command.Parse(["cap.log", "--device", "tracker-stages", "--sw-version", "9.1.0", "--clock", "2024-01-04T10:12:05Z", "--boot", "2024-01-01T00:00:00Z", "--hostname", "fw01", "--ignore", "^uptime", "--ignore", "^time"]);

        Assert.That(parsed.Errors, Is.Empty);
        Assert.That(command.Name, Is.EqualTo("compare"));
        Assert.That(command.Options.Select(o => o.Name), Is.EquivalentTo(new[] { "--device", "--sw-version", "--clock", "--boot", "--hostname", "--ignore" }));
        Assert.That(parsed.GetValue<string[]>("--ignore"), Is.EqualTo(new[] { "^uptime", "^time" }));
    }


    [Test]
    public void The_command_action_returns_the_exit_status()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, DefaultCapture);

            var identical = CompareCommand.Create().Parse([path]).Invoke();
            var badClock = CompareCommand.Create().Parse([path, "--clock", "yesterday"]).Invoke();
            var different = CompareCommand.Create().Parse([path, "--hostname", "fw02"]).Invoke();

            Assert.That((identical, badClock, different), Is.EqualTo((CompareCommand.Identical, CompareCommand.Unusable, CompareCommand.Different)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static CompareOptions KbOptions(string? swVersion = null) => new()
    {
        CapturePath = "kb.log",
        Device = "session-tracker-kb",
        SwVersion = swVersion,
        Boot = KbBoot,
        Clock = KbClock,
    };

    /// <summary>
    /// What a netmiko session_log of the knowledge-base device holds (banner, repainted command lines,
    /// CRLF): the golden transcript's screen up to its clock move, then its last command (`show session id
    /// 4633`), ended by a bare prompt.
    /// </summary>
    private static string KbCapture(string transcript)
    {
        var parsed = Transcript.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Transcripts, transcript)));
        var before = Text(parsed.Steps.TakeWhile(s => s is not AdvanceClockStep));
        var after = Text(parsed.Steps.SkipWhile(s => s is not AdvanceClockStep));
        var last = after.LastIndexOf("\r\nadmin@PA-VM> ", after.IndexOf("4633", StringComparison.Ordinal), StringComparison.Ordinal) + 2;
        var tail = after[last..];
        Assert.That(tail, Does.EndWith("admin@PA-VM> exit\r\n"));
        return before + tail[..^"exit\r\n".Length];
    }

    private static string Text(IEnumerable<TranscriptStep> steps) =>
        Encoding.UTF8.GetString([.. steps.OfType<ExpectStep>().SelectMany(s => s.Bytes)]);
}
