namespace VirtualFirewall.Emulator.Recording;

/// <summary>Moves the device's manual clock forward.</summary>
public sealed record AdvanceClockStep(TimeSpan By) : TranscriptStep;
