using System.Reflection;
using VirtualFirewall.Emulator.Inventory.Description;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.State;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Engine.Users;

namespace VirtualFirewall.Emulator.Inventory;

/// <summary>
/// The device served when no description is given: the embedded description default-device.yaml,
/// a PA-VM on PAN-OS 10.2 with admin/admin, an hour of traffic behind it and a traffic generator running.
/// </summary>
public static class DefaultDevice
{
    public const int Seed = 1;

    /// <summary>The embedded description's text, as `--print-default` writes it.</summary>
    public static string Text { get; } = ReadEmbedded();

    /// <summary>The embedded description.</summary>
    public static DeviceDescription Description { get; } = DeviceDescriptionReader.Read(Text, file: null);

    public static IReadOnlyList<UserAccount> Users { get; } = [new UserAccount("admin", "admin")];

    public static Device Create(TimeProvider time, int seed = Seed) => Create(time, new DeviceIdentity(), seed);

    /// <summary>
    /// The default device on <paramref name="time"/> (which it follows from its current instant), reporting
    /// <paramref name="identity"/>'s release and HA state.
    /// </summary>
    public static Device Create(TimeProvider time, DeviceIdentity identity, int seed = Seed)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(identity);
        var description = Description with
        {
            Identity = Description.Identity with { SwVersion = identity.SwVersion, HaState = identity.HaState, Hostname = identity.Hostname },
            Traffic = Description.Traffic with { Seed = seed },
        };
        return DeviceFactory.Create(description, new AdjustableTimeProvider(time.GetUtcNow(), time), booted: null).Device;
    }

    private static string ReadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("default-device.yaml")
            ?? throw new InvalidOperationException("the default device description is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
