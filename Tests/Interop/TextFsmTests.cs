using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Engine.Commands;
using VirtualFirewall.Engine.Time;

namespace VirtualFirewall.Tests.Interop;

/// <summary>The emulator's output parses with the ntc-templates TextFSM templates that automation uses.</summary>
[TestFixture]
public sealed class TextFsmTests
{
    [Test]
    public void ShowSystemInfoParsesWithItsTemplate()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
        var device = DefaultDevice.Create(clock);
        var (session, _) = device.Login("admin", "192.0.2.1", "CLI");
        clock.Advance(new TimeSpan(2, 2, 38, 49));
        var output = device.Execute(new ShowSystemInfoCommand(), session).Output;

        var rows = TextFsm.Parse("show_system_info", output);

        Assert.That(rows, Has.Count.EqualTo(1));
        var row = rows[0];
        Assert.That(row["HOSTNAME"], Is.EqualTo("PA-VM"));
        Assert.That(row["MODEL"], Is.EqualTo("PA-VM"));
        Assert.That(row["SERIAL"], Is.EqualTo("007954000351998"));
        Assert.That(row["OS"], Is.EqualTo("10.2.10"));
        Assert.That(row["UPTIME"], Is.EqualTo("2 days, 2:38:49"));
        Assert.That(row["FAMILY"], Is.EqualTo("vm"));
        Assert.That(row["VM_MODE"], Is.EqualTo("KVM"));
        Assert.That(row["OPERATIONAL_MODE"], Is.EqualTo("normal"));
    }
}
