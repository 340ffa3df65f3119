using System.Reflection;
using VirtualFirewall.Emulator.Inventory.Description;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Time;

namespace VirtualFirewall.Emulator.Inventory.Scenarios;

/// <summary>
/// The built-in devices golden transcripts name: `default` (the embedded default description) and
/// the device descriptions beside this file (`session-tracker-kb.yaml`, `tracker-stages.yaml`).
/// </summary>
public static class ScenarioCatalog
{
    private static readonly Dictionary<string, DeviceDescription> Descriptions = new(StringComparer.Ordinal)
    {
        ["default"] = DefaultDevice.Description,
        ["session-tracker-kb"] = Embedded("session-tracker-kb"),
        ["tracker-stages"] = Embedded("tracker-stages"),
    };

    public static IReadOnlyList<string> Names { get; } = ["default", "session-tracker-kb", "tracker-stages"];

    /// <summary>The description of a built-in device.</summary>
    public static DeviceDescription Describe(string name) =>
        Descriptions.TryGetValue(name, out var description)
            ? description
            : throw new ArgumentException($"unknown device `{name}`; known: {string.Join(", ", Names)}", nameof(name));

    /// <summary>
    /// The named device on the given clock, built at its current instant (its boot); <paramref name="swVersion"/>
    /// and <paramref name="hostname"/> override what it reports.
    /// </summary>
    public static Device Create(string name, TimeProvider time, string? swVersion = null, string? hostname = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        var description = Describe(name);
        description = description with
        {
            Identity = description.Identity with
            {
                SwVersion = swVersion ?? description.Identity.SwVersion,
                Hostname = hostname ?? description.Identity.Hostname,
            },
        };
        return DeviceFactory.Create(description, new AdjustableTimeProvider(time.GetUtcNow(), time), booted: null).Device;
    }

    private static DeviceDescription Embedded(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"scenario-{name}.yaml")
            ?? throw new InvalidOperationException($"the {name} description is not embedded");
        using var reader = new StreamReader(stream);
        return DeviceDescriptionReader.Read(reader.ReadToEnd(), $"<built-in {name}>");
    }
}
