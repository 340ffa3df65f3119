namespace VirtualFirewall.Emulator.Recording;

/// <summary>
/// Bytes the user types next. <paramref name="Echoed"/> is true for plain text that also appears as its
/// own echo; <paramref name="Source"/> is how the transcript wrote an action (empty for the implied Enter).
/// </summary>
public sealed record TypeStep(byte[] Bytes, bool Echoed, string Source = "") : TranscriptStep;
