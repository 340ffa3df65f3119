using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Emulator.Inventory.Description;

/// <summary>
/// A tracker stage by either of its PAN-OS names: as `tracker stage firewall` prints it (`TCP RST -
/// server`) or as `end-reason` does (`tcp-rst-from-server`); case does not matter.
/// </summary>
public static class TrackerStageNames
{
    public static IReadOnlyList<TrackerStage> Stages { get; } = [.. Enum.GetValues<TrackerStage>().Where(s => s != TrackerStage.None)];

    /// <summary>Every accepted name, for messages.</summary>
    public static string Known => string.Join(", ", Stages.Select(s => SessionNames.Of(SessionNames.EndReasonOf(s))));

    public static bool TryParse(string text, out TrackerStage stage)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var candidate in Stages)
        {
            if (string.Equals(text, SessionNames.Of(candidate), StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, SessionNames.Of(SessionNames.EndReasonOf(candidate)), StringComparison.OrdinalIgnoreCase))
            {
                stage = candidate;
                return true;
            }
        }

        stage = TrackerStage.None;
        return false;
    }
}
