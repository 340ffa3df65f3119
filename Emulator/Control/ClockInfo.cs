namespace VirtualFirewall.Emulator.Control;

/// <summary>A device clock after a move.</summary>
/// <param name="Clock">The device clock, ISO 8601 in UTC.</param>
/// <param name="ClockMode"><c>fixed</c> or <c>real</c>.</param>
public sealed record ClockInfo(string Clock, string ClockMode);
