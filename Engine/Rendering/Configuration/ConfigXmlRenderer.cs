using System.Text;
using System.Xml;
using VirtualFirewall.Engine.Configuration;

namespace VirtualFirewall.Engine.Rendering.Configuration;

/// <summary>
/// `set cli config-output-format xml`, and `show config running` in XML: entries as
/// `&lt;entry name="..."&gt;`, members as `&lt;member&gt;`, two-space indent as in the bootstrap
/// samples of reference/configs.
/// </summary>
public static class ConfigXmlRenderer
{
    public static string Render(ConfigElement element)
    {
        var text = new StringBuilder();
        Write(element, 0, text);
        return text.ToString();
    }

    private static void Write(ConfigElement element, int depth, StringBuilder text)
    {
        var indent = new string(' ', depth * 2);
        var open = element.IsEntry ? "entry name=\"" + Escape(element.Name) + "\"" : element.Name;
        var close = element.IsEntry ? "entry" : element.Name;
        if (element.Value is { } value)
        {
            text.Append(indent).Append('<').Append(open).Append('>').Append(Escape(value)).Append("</").Append(close).Append(">\n");
            return;
        }

        if (element.Members.Count == 0 && element.Children.Count == 0)
        {
            text.Append(indent).Append('<').Append(open).Append("/>\n");
            return;
        }

        text.Append(indent).Append('<').Append(open).Append(">\n");
        foreach (var member in element.Members)
        {
            text.Append(indent).Append("  <member>").Append(Escape(member)).Append("</member>\n");
        }

        foreach (var child in element.Children)
        {
            Write(child, depth + 1, text);
        }

        text.Append(indent).Append("</").Append(close).Append(">\n");
    }

    private static string Escape(string value)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { ConformanceLevel = ConformanceLevel.Fragment }))
        {
            writer.WriteString(value);
        }

        return text.ToString().Replace("\"", "&quot;", StringComparison.Ordinal);
    }
}
