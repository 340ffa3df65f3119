using VirtualFirewall.Emulator.Inventory.Description;
using VirtualFirewall.Emulator.Inventory.Scenarios;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Engine.Users;

namespace VirtualFirewall.Emulator.Recording;

/// <summary>The device a transcript header describes, on a manual clock set to the header's moment.</summary>
public sealed record TranscriptDevice(Device Device, ManualTimeProvider Clock)
{
    public static TranscriptDevice Create(TranscriptHeader header)
    {
        var clock = new ManualTimeProvider(header.Boot);
        var device = ScenarioCatalog.Names.Contains(header.Device, StringComparer.Ordinal) || !File.Exists(header.Device)
            ? ScenarioCatalog.Create(header.Device, clock, header.SwVersion, header.Hostname)
            : FromDescription(header, clock);
        device.Identity = device.Identity with { HaState = header.HaState };
        device.ConfigFiles = new MemoryConfigFiles();
        if (header.LastLogin is { } last)
        {
            device.Users.SetLastLogin(header.User, new LoginRecord(last, header.LastLoginFrom));
        }

        clock.SetUtcNow(header.Clock);
        device.CatchUp();
        return new TranscriptDevice(device, clock);
    }

    /// <summary>A device whose header names a description file (recorded from `--device`), on the manual clock from boot.</summary>
    private static Device FromDescription(TranscriptHeader header, ManualTimeProvider clock)
    {
        var description = DeviceDescriptionReader.ReadFile(header.Device);
        description = description with
        {
            Identity = description.Identity with
            {
                SwVersion = header.SwVersion ?? description.Identity.SwVersion,
                HaState = header.HaState ?? description.Identity.HaState,
                Hostname = header.Hostname ?? description.Identity.Hostname,
            },
        };
        // As when it was recorded: built at boot, started (traffic, scripted sessions) after its uptime.
        var uptime = description.Clock.Uptime ?? TimeSpan.Zero;
        return DeviceFactory.Create(description, new AdjustableTimeProvider(clock.GetUtcNow(), clock), () => clock.Advance(uptime)).Device;
    }
}
