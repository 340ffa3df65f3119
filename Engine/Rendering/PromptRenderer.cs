namespace VirtualFirewall.Engine.Rendering;

/// <summary>`user@host> ` with exactly one trailing space (panos-cli-reference.md §2.1; client contract C6).</summary>
public static class PromptRenderer
{
    public static string Render(string user, string hostname) => user + "@" + hostname + "> ";
}
