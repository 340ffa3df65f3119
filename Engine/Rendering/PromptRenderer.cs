using VirtualFirewall.Engine.Cli;

namespace VirtualFirewall.Engine.Rendering;

/// <summary>
/// `user@host> ` or `user@host# ` with exactly one trailing space (panos-cli-reference.md §2.1; client
/// contract C6). An HA member shows its state in parentheses after the hostname: `admin@PA-VM(active)> `.
/// </summary>
public static class PromptRenderer
{
    public static string Render(string user, string hostname, CliMode mode = CliMode.Operational, string? haState = null) =>
        user + "@" + hostname + (haState is null ? string.Empty : "(" + haState + ")") + (mode == CliMode.Configuration ? "# " : "> ");
}
