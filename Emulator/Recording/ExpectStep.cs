namespace VirtualFirewall.Emulator.Recording;

/// <summary>Bytes the server must send next.</summary>
public sealed record ExpectStep(byte[] Bytes) : TranscriptStep;
