namespace VirtualFirewall.Engine.Rendering;

/// <summary>
/// `clear session ...` (panos-cli-reference.md §3.2, EDL notes): `clear session all filter rule ...`
/// prints a blank line, then `sessions cleared`. No capture of `clear session id &lt;n&gt;` or of a bare
/// `clear session all` exists; they are the same dataplane request, so they print the same reply.
/// `show session id` of an unknown id is <see cref="SessionDetailRenderer.NotFound"/>.
/// </summary>
public static class SessionClearRenderer
{
    public const string Cleared = "\nsessions cleared\n";

    /// <summary>`clear session all [filter ...]` (verbatim with a filter).</summary>
    public const string ClearAll = Cleared;

    /// <summary>`clear session id &lt;n&gt;`: the verbatim `clear session all filter ...` reply, reused.</summary>
    public const string ClearId = Cleared;
}
