using System.Text;
using VirtualFirewall.Engine.Configuration;

namespace VirtualFirewall.Engine.Rendering.Configuration;

/// <summary>
/// The default `show` format: braces, two-space indent, `name value;`. The layout follows a device's
/// `show config running` (reference/configs/netutils-brace-set/panos_full_brace.txt): a member list of
/// several values prints as `[ a b c];` (no space before the bracket), of one value as `name a;`, and
/// an element with nothing inside as `name;`.
/// </summary>
public static class ConfigBraceRenderer
{
    /// <summary>The element and everything below it, at an indent of <paramref name="depth"/> levels.</summary>
    public static string Render(ConfigElement element, int depth = 0)
    {
        var text = new StringBuilder();
        Write(element, depth, text);
        return text.ToString();
    }

    /// <summary>Only the children of an element (the top level of the tree, which has no name of its own).</summary>
    public static string RenderChildren(ConfigElement element, int depth = 0)
    {
        var text = new StringBuilder();
        foreach (var child in element.Children)
        {
            Write(child, depth, text);
        }

        return text.ToString();
    }

    private static void Write(ConfigElement element, int depth, StringBuilder text)
    {
        var indent = new string(' ', depth * 2);
        text.Append(indent).Append(Quote(element.Name));
        if (element.Value is { } value)
        {
            text.Append(' ').Append(Quote(value)).Append(";\n");
        }
        else if (element.Members.Count == 1)
        {
            text.Append(' ').Append(Quote(element.Members[0])).Append(";\n");
        }
        else if (element.Members.Count > 1)
        {
            text.Append(" [ ").AppendJoin(' ', element.Members.Select(Quote)).Append("];\n");
        }
        else if (element.Children.Count == 0)
        {
            text.Append(";\n");
        }
        else
        {
            text.Append(" {\n");
            foreach (var child in element.Children)
            {
                Write(child, depth + 1, text);
            }

            text.Append(indent).Append("}\n");
        }
    }

    /// <summary>Values with spaces or characters the CLI splits on are double-quoted, as the login banner is in the sample.</summary>
    public static string Quote(string value) =>
        value.Length == 0 || value.Any(c => char.IsWhiteSpace(c) || c is ';' or '{' or '}' or '[' or ']' or '#')
            ? "\"" + value + "\""
            : value;
}
