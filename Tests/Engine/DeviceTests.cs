using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Engine.Users;

namespace VirtualFirewall.Tests.Engine;

[TestFixture]
public sealed class DeviceTests
{
    private static readonly DateTimeOffset Boot = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public void UptimeAndTimeComeFromTheInjectedClock()
    {
        var clock = new ManualTimeProvider(Boot);
        var device = DefaultDevice.Create(clock);
        var (session, _) = device.Login("admin", "192.0.2.1", "CLI");
        clock.Advance(new TimeSpan(3, 4, 5, 6));

        var output = device.Execute(new ShowSystemInfoCommand(), session).Output;

        Assert.That(output, Does.StartWith("\nhostname: PA-VM\n"));
        Assert.That(output, Does.Contain("\ntime: Mon Nov 23 12:05:06 2026\n"));
        Assert.That(output, Does.Contain("\nuptime: 3 days, 4:05:06\n"));
    }

    [Test]
    public void ShowAdminsListsEverySessionWithItsIdleTime()
    {
        var clock = new ManualTimeProvider(Boot);
        var device = DefaultDevice.Create(clock);
        var (first, _) = device.Login("admin", "192.0.2.1", "CLI");
        clock.Advance(TimeSpan.FromMinutes(18.5));
        var (second, _) = device.Login("admin", "198.51.100.20", "CLI");
        clock.Advance(TimeSpan.FromSeconds(7));

        var output = device.Execute(new ShowAdminsCommand(), second).Output;

        Assert.That(output, Is.EqualTo(
            "\n" +
            "Admin           From                Client Session-start     Idle-for\n" +
            new string('-', 80) + "\n" +
            "admin           192.0.2.1           CLI    11/20 08:00:00    00:18:37s\n" +
            "admin           198.51.100.20       CLI    11/20 08:18:30    00:00:00s\n" +
            "\n"));
        device.Logout(first);
        Assert.That(device.Execute(new ShowAdminsCommand(), second).Output, Does.Not.Contain("192.0.2.1"));
    }

    [Test]
    public void LoginBannerReportsThePreviousLoginAndFailedAttempts()
    {
        var clock = new ManualTimeProvider(Boot);
        var device = new Device(new(), [new UserAccount("ops", "s3cret")], clock, seed: 7);
        var (_, first) = device.Login("ops", "192.0.2.1", "CLI");
        Assert.That(first, Is.EqualTo("Number of failed attempts since last successful login: 0\n\n"));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.That(device.Users.VerifyPassword("ops", "wrong"), Is.False);
        Assert.That(device.Users.VerifyPassword("ops", "also wrong"), Is.False);
        Assert.That(device.Users.VerifyPassword("ops", "s3cret"), Is.True);
        var (_, second) = device.Login("ops", "192.0.2.9", "CLI");

        Assert.That(second, Is.EqualTo(
            "Last login: Fri Nov 20 08:00:00 2026 from 192.0.2.1\n\n" +
            "Number of failed attempts since last successful login: 2\n\n"));
    }

    [Test]
    public void UnknownUsersAndWrongPasswordsAreRejected()
    {
        var device = DefaultDevice.Create(new ManualTimeProvider(Boot));

        Assert.That(device.Users.VerifyPassword("admin", "admin"), Is.True);
        Assert.That(device.Users.VerifyPassword("admin", "Admin"), Is.False);
        Assert.That(device.Users.VerifyPassword("nobody", "admin"), Is.False);
        Assert.That(device.Users.VerifyPassword("admin", ""), Is.False);
    }

    [Test]
    public void CliSettingsBelongToTheSession()
    {
        var device = DefaultDevice.Create(new ManualTimeProvider(Boot));
        var (one, _) = device.Login("admin", "192.0.2.1", "CLI");
        var (two, _) = device.Login("admin", "192.0.2.2", "CLI");

        Assert.That(device.Execute(new SetCliPagerCommand(false), one).Output, Is.Empty);
        Assert.That(device.Execute(new SetCliScriptingModeCommand(true), one).Output, Is.Empty);
        Assert.That(device.Execute(new SetCliTerminalWidthCommand(500), one).Output, Is.Empty);
        Assert.That(device.Execute(new SetCliTerminalHeightCommand(60), one).Output, Is.Empty);

        Assert.That((one.Settings.Pager, one.Settings.ScriptingMode, one.Settings.TerminalWidth, one.Settings.TerminalHeight), Is.EqualTo((false, true, 500, 60)));
        Assert.That((two.Settings.Pager, two.Settings.ScriptingMode, two.Settings.TerminalWidth, two.Settings.TerminalHeight), Is.EqualTo((true, false, 80, 24)));
    }

    [Test]
    public void ExitEndsTheSession() =>
        Assert.That(DefaultDevice.Create(new ManualTimeProvider(Boot)).Execute(new ExitCommand(), DefaultDevice.Create(new ManualTimeProvider(Boot)).Login("admin", "x", "CLI").Session).EndsSession, Is.True);
}
