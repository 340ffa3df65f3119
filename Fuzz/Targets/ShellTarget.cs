using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Emulator.Inventory.Description;
using VirtualFirewall.Emulator.Recording;
using VirtualFirewall.Emulator.Shell;
using VirtualFirewall.Engine.Time;

namespace VirtualFirewall.Fuzz.Targets;

/// <summary>
/// Terminal bytes typed into the CLI of the default device (with less traffic) after an admin login: key decoding, line
/// editing, `?` and Tab, parsing and running every command, the pager. A user can type anything, so
/// nothing here may throw; a command that fails answers with an error text.
/// </summary>
public sealed class ShellTarget : IFuzzTarget
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 18, 56, 14, TimeSpan.Zero);

    // The default device at a tenth of its traffic: every kind of session still shows, and a fresh device
    // for each input (so that no input depends on the one before) costs a few milliseconds, not a hundred.
    private static readonly DeviceDescription Description = DefaultDevice.Description with
    {
        Traffic = DefaultDevice.Description.Traffic with { SessionsPerMinute = 2 },
    };

    public string Name => "shell";

    public void Run(ReadOnlySpan<byte> input)
    {
        var device = DeviceFactory.Create(Description, new ManualTimeProvider(Now)).Device;
        device.ConfigFiles = new MemoryConfigFiles();
        var (session, banner) = device.Login("admin", "192.0.2.1", "CLI");
        var shell = new CliShell(device, session);
        shell.Start(banner);
        shell.Feed(input);
        shell.TakeOutput();
        shell.Close();
    }
}
