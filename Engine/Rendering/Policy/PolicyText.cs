namespace VirtualFirewall.Engine.Rendering.Policy;

/// <summary>The value forms the running-policy screens share.</summary>
internal static class PolicyText
{
    /// <summary>The 8-space indentation of every line inside a rule's braces.</summary>
    public const string Indent = "        ";

    /// <summary>One value bare, several as `[ a b ]` (paloalto_panos_show_running_security-policy.raw).</summary>
    public static string List(IReadOnlyList<string> items) => items.Count == 1 ? items[0] : "[ " + string.Join(' ', items) + " ]";

    /// <summary>
    /// The older layout's `application/service` and NAT `service`: several values `[ a b ]`, one value
    /// after a space where the bracket would be (`application/service  dns/udp/any/53;`).
    /// </summary>
    public static string SpacedList(IReadOnlyList<string> items) => items.Count == 1 ? " " + items[0] : List(items);

    /// <summary>Names with a space are quoted (`"Outside Web Server"`), others are not (`intrazone-default`).</summary>
    public static string Name(string name) => name.Contains(' ', StringComparison.Ordinal) ? "\"" + name + "\"" : name;
}
