namespace VirtualFirewall.Emulator.Recording;

/// <summary>One thing a transcript asks of a replay, in order.</summary>
public abstract record TranscriptStep;
