using System.Text;
using VirtualFirewall.Emulator.Recording;
using VirtualFirewall.Emulator.Recording.Recorder;
using VirtualFirewall.Emulator.Shell;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Engine.Users;

namespace VirtualFirewall.Tests.Recording;

/// <summary>The recorder and its renderer in memory: a session fed key by key becomes a transcript that replays.</summary>
[TestFixture]
public sealed class SessionRecorderTests
{
    private static readonly DateTimeOffset Boot = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Login = new(2026, 11, 27, 18, 56, 14, TimeSpan.Zero);
    private string _directory = null!;
    private Device _device = null!;
    private ManualTimeProvider _clock = null!;

    [SetUp]
    public void CreateDevice()
    {
        _directory = Path.Combine(Path.GetTempPath(), "vf-record-" + Guid.NewGuid().ToString("N"));
        (_device, _clock) = TranscriptDevice.Create(new TranscriptHeader { Boot = Boot, Clock = Login });
    }

    [TearDown]
    public void RemoveDirectory()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Test]
    public void ATypedCommandReadsLikeAHandWrittenGolden()
    {
        var text = Record(r => r.Feed("show clock\r"u8));

        Assert.That(text, Does.Contain("\n---\nNumber of failed attempts since last successful login: 0\n"));
        Assert.That(text, Does.Contain("\nadmin@PA-VM> show ⟨CR ESC [ K⟩admin@PA-VM> show clock\n\nFri Nov 27 18:56:14 UTC 2026\n\nadmin@PA-VM> "));
        Assert.That(text, Does.EndWith("admin@PA-VM> "));
        AssertReplays(text);
    }

    [Test]
    public void TheHeaderDescribesTheDeviceAndTheLogin()
    {
        var text = Record(r => r.Feed("exit\r"u8));

        Assert.That(text, Does.StartWith("# Recorded by VirtualFirewall from a test session at "));
        Assert.That(text, Does.Contain("\ndevice: default\nsw-version: 10.2.10\nboot: 2026-11-20T08:00:00Z\nclock: 2026-11-27T18:56:14Z\nuser: admin\nfrom: 192.0.2.10\nterminal: 80x24\n---\n"));
        Assert.That(text, Does.EndWith("admin@PA-VM> exit\n"));
        AssertReplays(text);
    }

    [Test]
    public void HelpTabAndEditingKeysAreActions()
    {
        var text = Record(r =>
        {
            r.Feed("show ?"u8);
            r.Feed("clock\r"u8);
            r.Feed("sh\tsy\tin\t\r"u8);
            r.Feed("show s\t"u8);
            r.Feed("\u0003"u8);
            r.Feed("show clockx\x7f\r"u8);
            r.Feed("\u001b[A\r"u8);
        });

        Assert.That(text, Does.Contain("admin@PA-VM> show ⟨CR ESC [ K⟩admin@PA-VM> show ⟪type ?⟫\n"));
        Assert.That(text, Does.Contain("admin@PA-VM> sh⟪tab⟫"));
        Assert.That(text, Does.Contain("⟪ctrl-c⟫"));
        Assert.That(text, Does.Contain("⟪bs⟫"));
        Assert.That(text, Does.Contain("⟪up⟫"));
        AssertReplays(text);
    }

    [Test]
    public void AClockMoveBeforeEnterIsALineAboveTheInputLine()
    {
        var text = Record(r =>
        {
            r.Feed("show clock"u8);
            _clock.Advance(TimeSpan.FromMinutes(5));
            r.Feed("\r"u8);
            _clock.Advance(TimeSpan.FromMilliseconds(1500));
            r.Feed("show clock\r"u8);
        });

        Assert.That(text, Does.Contain("\n⟪clock +00:05:00⟫\nadmin@PA-VM> show ⟨CR ESC [ K⟩admin@PA-VM> show clock\n\nFri Nov 27 19:01:14 UTC 2026\n"));
        Assert.That(text, Does.Contain("\n⟪clock +00:00:01.5000000⟫\n"));
        AssertReplays(text);
    }

    [Test]
    public void PasswordsBecomePlaceholdersThatKeepEqualityAndTheOutcome()
    {
        var text = Record(r =>
        {
            r.Feed("configure\r"u8);
            r.Feed("set mgt-config users admin password\r"u8);
            r.Feed("Tops3cret!\r"u8);
            r.Feed("Tops3cret!x\x7f\r"u8);
            r.Feed("set mgt-config users ops password\r"u8);
            r.Feed("Tops3cret!\r"u8);
            r.Feed("0therSecret\r"u8);
            r.Feed("set mgt-config users ops password\r"u8);
            r.Feed("Abandoned9\u0003"u8);
        });

        Assert.That(text, Does.Not.Contain("Tops3cret").And.Not.Contain("0therSecret").And.Not.Contain("Abandoned9"));
        Assert.That(text, Does.Contain("Enter password   : ⟪type password-1⟫⟪enter⟫\nConfirm password : ⟪type password-1⟫⟪enter⟫\n"));
        Assert.That(text, Does.Contain("Enter password   : ⟪type password-1⟫⟪enter⟫\nConfirm password : ⟪type password-2⟫⟪enter⟫\nPasswords do not match\n"));
        Assert.That(text, Does.Contain("Enter password   : ⟪ctrl-c⟫\n"));
        Assert.That(text, Does.Contain("# Passwords typed at hidden prompts are written as placeholders"));
        AssertReplays(text);
    }

    [Test]
    public void ASessionEndingAtAHiddenPromptKeepsNoneOfThePartialPassword()
    {
        var text = Record(r =>
        {
            r.Feed("configure\r"u8);
            r.Feed("set mgt-config users admin password\r"u8);
            r.Feed("HalfTyped"u8);
        });

        Assert.That(text, Does.Not.Contain("HalfTyped"));
        Assert.That(text, Does.EndWith("Enter password   : "));
        AssertReplays(text);
    }

    [Test]
    public void ThePagerKeysAndTheLineTypedAfterItReplay()
    {
        var text = Record(r =>
        {
            r.Feed("set cli terminal height 10\r"u8);
            r.Feed("show system info\r"u8);
            r.Feed(" "u8);
            r.Feed("\r"u8);
            r.Feed("q"u8);
            r.Feed("show clock\r"u8);
        });

        Assert.That(text, Does.Contain("--more--⟪space⟫"));
        Assert.That(text, Does.Contain("--more--⟪enter⟫"));
        Assert.That(text, Does.Contain("--more--⟪type q⟫⟨CR ESC [ K⟩admin@PA-VM> show ⟨CR ESC [ K⟩admin@PA-VM> show clock\n"));
        AssertReplays(text);
    }

    [Test]
    public void APreviousLoginIsReadBackIntoTheHeader()
    {
        _device.Users.SetLastLogin("admin", new LoginRecord(new DateTimeOffset(2026, 11, 26, 9, 5, 3, 250, TimeSpan.Zero), "198.51.100.7"));

        var text = Record(r => r.Feed("show clock\r"u8));

        Assert.That(text, Does.Contain("\nlast-login: 2026-11-26T09:05:03Z from 198.51.100.7\n"));
        AssertReplays(text);
    }

    [Test]
    public void AWindowChangeIsNotedInTheHeader()
    {
        var text = Record(r =>
        {
            r.WindowChanged(132, 50);
            r.Feed("show clock\r"u8);
        });

        Assert.That(text, Does.Contain("# The window changed to 132x50 during the session"));
        Assert.That(text, Does.Contain("\nterminal: 80x24\n"));
    }

    [Test]
    public void InstantsKeepTheirFractionOnlyWhenTheyHaveOne()
    {
        Assert.That(TranscriptBuilder.Instant(Login), Is.EqualTo("2026-11-27T18:56:14Z"));
        Assert.That(TranscriptBuilder.Instant(Login.AddTicks(1_234_500)), Is.EqualTo("2026-11-27T18:56:14.12345Z"));
    }

    [Test]
    public void CompletingTwiceWritesOneFile()
    {
        var (session, banner) = _device.Login("admin", "192.0.2.10", "CLI");
        var shell = new CliShell(_device, session);
        var recorder = new SessionRecorder(new TranscriptRecorderOptions(_directory), _device, shell, "test");
        recorder.Start(banner);

        var first = recorder.Complete();
        var second = recorder.Complete();

        Assert.That(second, Is.EqualTo(first));
        Assert.That(Directory.GetFiles(_directory), Has.Length.EqualTo(1));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(first!), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }
    }

    private string Record(Action<SessionRecorder> drive)
    {
        var (session, banner) = _device.Login("admin", "192.0.2.10", "CLI");
        var shell = new CliShell(_device, session);
        shell.Resize(80, 24);
        var recorder = new SessionRecorder(new TranscriptRecorderOptions(_directory), _device, shell, "test");
        recorder.Start(banner);
        drive(recorder);
        recorder.TakeOutput();
        var path = recorder.Complete();
        Assert.That(path, Is.Not.Null);
        return File.ReadAllText(path!, Encoding.UTF8);
    }

    private static void AssertReplays(string text)
    {
        Assert.That(text, Does.Not.Contain("# warning"));
        var transcript = Transcript.Parse(text);
        var expected = transcript.ExpectedOutput();
        foreach (var byteByByte in new[] { false, true })
        {
            var actual = MemoryReplay.Run(transcript, byteByByte).AllOutput();
            Assert.That(TranscriptDiff.FirstDifference(expected, actual), Is.Null, text);
        }
    }
}
