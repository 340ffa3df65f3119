using VirtualFirewall.Engine;
using VirtualFirewall.Engine.State;

namespace VirtualFirewall.Emulator.Inventory.Scenarios;

/// <summary>The built-in devices by name, until device description files arrive (issue 7).</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<string> Names { get; } = ["default", SessionTrackerKbScenario.Name, TrackerStagesScenario.Name];

    /// <summary>The named device on the given clock; <paramref name="swVersion"/> and <paramref name="hostname"/> override what it reports.</summary>
    public static Device Create(string name, TimeProvider time, string? swVersion = null, string? hostname = null)
    {
        var identity = new DeviceIdentity();
        if (swVersion is not null)
        {
            identity = identity with { SwVersion = swVersion };
        }

        if (hostname is not null)
        {
            identity = identity with { Hostname = hostname };
        }

        return name switch
        {
            "default" => DefaultDevice.Create(time, identity),
            SessionTrackerKbScenario.Name => SessionTrackerKbScenario.Create(time, identity),
            TrackerStagesScenario.Name => TrackerStagesScenario.Create(time, identity),
            _ => throw new ArgumentException($"unknown device `{name}`; known: {string.Join(", ", Names)}", nameof(name)),
        };
    }
}
