namespace VirtualFirewall.Emulator.Recording.Compare;

/// <summary>One command of a capture and what the device printed for it, up to the next prompt.</summary>
/// <param name="Line">The capture line (1-based) that holds the prompt and command.</param>
/// <param name="InputLine">That line as the screen finally showed it (repaints collapsed).</param>
/// <param name="Prompt">The prompt the command was typed at.</param>
/// <param name="Command">What was typed after the prompt; empty for a bare Enter.</param>
/// <param name="ExpectedOutput">
/// The lines after the input line up to the next prompt, each ended by <c>\n</c> (the last one only
/// when the capture ended it), normalised as <see cref="TerminalText.Normalise"/> describes.
/// </param>
public sealed record CaptureStep(int Line, string InputLine, CapturePrompt Prompt, string Command, string ExpectedOutput);
