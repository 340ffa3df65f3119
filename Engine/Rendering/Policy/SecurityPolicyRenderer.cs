using System.Globalization;
using System.Text;
using VirtualFirewall.Engine.Policy;
using static VirtualFirewall.Engine.Rendering.Policy.PolicyText;

namespace VirtualFirewall.Engine.Rendering.Policy;

/// <summary>
/// `show running security-policy` in the layout of paloalto_panos_show_running_security-policy.raw
/// (every enabled rule, then the two default rules and the `dynamic url` trailer), and the rule
/// `test security-policy-match` answers in the newer layout of paloalto_panos_test_security-policy-match.raw
/// (`; index: N` in the quoted name, device lines, numbered application/service items).
/// </summary>
public static class SecurityPolicyRenderer
{
    public static string Running(IReadOnlyList<SecurityRule> rules, SecurityRule intrazone, SecurityRule interzone)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var text = new StringBuilder();
        foreach (var rule in rules.Where(r => !r.Disabled).Append(intrazone).Append(interzone))
        {
            text.Append(Name(rule.Name)).Append(" {\n");
            Head(text, rule);
            if (rule.DefaultType is null)
            {
                Line(text, "user " + List(rule.SourceUsers) + ";");
            }

            Line(text, "category " + List(rule.Categories) + ";");
            Line(text, "application/service " + SpacedList(rule.ApplicationServices) + ";");
            Tail(text, rule);
            if (rule.DefaultType is { } type)
            {
                Line(text, "type " + type + ";");
            }

            text.Append("}\n\n");
        }

        return text.Append("dynamic url: no\npol objs matched\n\n").ToString();
    }

    public static string Match(SecurityRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var text = new StringBuilder();
        text.Append('"').Append(rule.Name).Append("; index: ").Append(rule.Index.ToString(CultureInfo.InvariantCulture)).Append("\" {\n");
        Head(text, rule);
        Line(text, "user " + List(rule.SourceUsers) + ";");
        Line(text, "source-device any;");
        Line(text, "destinataion-device any;");
        Line(text, "category " + List(rule.Categories) + ";");
        var items = rule.ApplicationServices.Select((item, i) => i.ToString(CultureInfo.InvariantCulture) + ":" + item).ToList();
        Line(text, "application/service " + (items.Count == 1 ? items[0] : "[" + string.Join(' ', items) + " ]") + ";");
        Tail(text, rule);
        return text.Append("}\n").ToString();
    }

    private static void Head(StringBuilder text, SecurityRule rule)
    {
        Line(text, "from " + List(rule.From) + ";");
        Line(text, "source " + List(rule.Source.Shown) + ";");
        Line(text, "source-region none;");
        Line(text, "to " + List(rule.To) + ";");
        Line(text, "destination " + List(rule.Destination.Shown) + ";");
        Line(text, "destination-region none;");
    }

    // `terminal`: yes for every allow rule and both default rules, no for the sample's one deny rule.
    private static void Tail(StringBuilder text, SecurityRule rule)
    {
        Line(text, "action " + rule.Action + ";");
        Line(text, "icmp-unreachable: no");
        Line(text, "terminal " + (rule.DefaultType is not null || rule.Verdict == Sessions.RuleAction.Allow ? "yes" : "no") + ";");
    }

    private static void Line(StringBuilder text, string line) => text.Append(Indent).Append(line).Append('\n');
}
