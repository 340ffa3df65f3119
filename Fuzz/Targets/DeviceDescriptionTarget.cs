using VirtualFirewall.Emulator.Inventory.Description;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Fuzz.Support;

namespace VirtualFirewall.Fuzz.Targets;

/// <summary>
/// A device description file: YAML that is not valid, or not a valid description, is rejected with a
/// <see cref="DescriptionException"/> that points at the line. A description the reader accepts must build
/// a device; only a configuration file it names may still turn out unreadable there.
/// </summary>
public sealed class DeviceDescriptionTarget : IFuzzTarget
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 18, 56, 14, TimeSpan.Zero);

    public string Name => "device-yaml";

    public void Run(ReadOnlySpan<byte> input)
    {
        DeviceDescription description;
        try
        {
            description = DeviceDescriptionReader.Read(FuzzText.Decode(input), file: null);
        }
        catch (DescriptionException)
        {
            return;
        }

        try
        {
            DeviceFactory.Create(description, new ManualTimeProvider(Now));
        }
        catch (Exception e) when (e is DescriptionException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // A named file that is missing or not a configuration: reported by the emulator at start.
        }
    }
}
