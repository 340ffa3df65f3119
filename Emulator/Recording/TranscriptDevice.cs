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
        var device = ScenarioCatalog.Create(header.Device, clock, header.SwVersion);
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
}
