using System.Text;
using VirtualFirewall.Engine.Policy;
using static VirtualFirewall.Engine.Rendering.Policy.PolicyText;

namespace VirtualFirewall.Engine.Rendering.Policy;

/// <summary>`show running nat-policy` in the layout of paloalto_panos_show_running_nat-policy.raw: every enabled rule, a blank line after each.</summary>
public static class NatPolicyRenderer
{
    public static string Render(IReadOnlyList<NatRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var text = new StringBuilder();
        foreach (var rule in rules.Where(r => !r.Disabled))
        {
            text.Append(Name(rule.Name)).Append(" {\n");
            Line(text, "nat-type ipv4;");
            Line(text, "from " + List(rule.From) + ";");
            Line(text, "source " + List(rule.Source.Shown) + ";");
            Line(text, "to " + List(rule.To) + ";");

            // `to-interface  ;` when empty; policy1.raw shows a name as `to-interface ethernet1/5 ;`.
            Line(text, "to-interface " + rule.ToInterface + " ;");
            Line(text, "destination " + List(rule.Destination.Shown) + ";");
            Line(text, "service " + SpacedList([.. rule.Service.Select(s => s.ToString())]) + ";");
            Line(text, "translate-to \"" + rule.TranslateTo + "\";");
            Line(text, "terminal no;");
            text.Append("}\n\n");
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string line) => text.Append(Indent).Append(line).Append('\n');
}
