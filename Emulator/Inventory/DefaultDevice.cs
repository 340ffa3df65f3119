using VirtualFirewall.Engine;
using VirtualFirewall.Engine.State;
using VirtualFirewall.Engine.Traffic;
using VirtualFirewall.Engine.Users;

namespace VirtualFirewall.Emulator.Inventory;

/// <summary>
/// The device served when no description is given: a PA-VM on PAN-OS 10.2 with admin/admin, an hour
/// of traffic behind it and a traffic generator running (<see cref="DefaultTraffic"/>).
/// </summary>
public static class DefaultDevice
{
    public const int Seed = 1;

    public static IReadOnlyList<UserAccount> Users { get; } = [new UserAccount("admin", "admin")];

    public static Device Create(TimeProvider time, int seed = Seed) => Create(time, new DeviceIdentity(), seed);

    public static Device Create(TimeProvider time, DeviceIdentity identity, int seed = Seed)
    {
        var device = new Device(identity, Users, time, seed);
        DefaultTraffic.Seed(device);
        return device;
    }
}
