using VirtualFirewall.Engine;
using VirtualFirewall.Engine.State;
using VirtualFirewall.Engine.Users;

namespace VirtualFirewall.Emulator.Inventory;

/// <summary>The device served when no description is given: a PA-VM on PAN-OS 10.2 with admin/admin.</summary>
public static class DefaultDevice
{
    public const int Seed = 1;

    public static IReadOnlyList<UserAccount> Users { get; } = [new UserAccount("admin", "admin")];

    public static Device Create(TimeProvider time, int seed = Seed) =>
        new(new DeviceIdentity(), Users, time, seed);
}
