namespace VirtualFirewall.Engine.Rendering;

/// <summary>
/// `show clock`: no verbatim capture exists (panos-cli-gaps.md §2.2). The date follows the Linux
/// `date` layout that reference §7 documents; the blank lines around it follow the framing of
/// `show system info` in the CLI Quick Start sample (reference §6).
/// </summary>
public static class ClockRenderer
{
    public static string Render(DateTime local, string zone) => "\n" + PanosTime.Date(local, zone) + "\n\n";
}
