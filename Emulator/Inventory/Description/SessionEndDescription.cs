using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Emulator.Inventory.Description;

/// <summary>When a scripted session ends (an offset from the device's start) and with which tracker stage.</summary>
public sealed record SessionEndDescription
{
    public DescriptionTime At { get; init; }
    public TrackerStage Stage { get; init; }
}
