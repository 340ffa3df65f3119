namespace VirtualFirewall.Emulator.Recording.Compare;

/// <summary>A parsed capture of a real firewall session: its first prompt and its commands in order.</summary>
/// <param name="FirstPrompt">The first prompt, which names the user, hostname, HA state and starting mode.</param>
/// <param name="Steps">The commands, each with the output the real device printed.</param>
public sealed record Capture(CapturePrompt FirstPrompt, IReadOnlyList<CaptureStep> Steps);
