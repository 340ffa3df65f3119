namespace VirtualFirewall.Emulator.Inventory.Description;

/// <summary>Bytes and packets a session carries at one moment (an offset from the device's start).</summary>
public sealed record TrafficStepDescription
{
    public DescriptionTime At { get; init; }
    public long BytesC2S { get; init; }
    public long BytesS2C { get; init; }
    public long PacketsC2S { get; init; }
    public long PacketsS2C { get; init; }
}
