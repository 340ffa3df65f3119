using System.Text;
using VirtualFirewall.Engine.Configuration;

namespace VirtualFirewall.Engine.Rendering.Configuration;

/// <summary>
/// `set cli config-output-format set`: one `set` line per value, with the whole path from the top so that
/// pasting the lines back rebuilds the configuration (the single-vsys short form of the batfish
/// set-format samples in reference/configs). Lists print as `[ a b ]`; an entry with nothing inside
/// prints its own path.
/// </summary>
public static class ConfigSetRenderer
{
    /// <param name="element">The element whose values are printed.</param>
    /// <param name="prefix">The words that lead to <paramref name="element"/>, its own name included.</param>
    public static string Render(ConfigElement element, IReadOnlyList<string> prefix)
    {
        var text = new StringBuilder();
        Write(element, [.. prefix], text);
        return text.ToString();
    }

    private static void Write(ConfigElement element, List<string> path, StringBuilder text)
    {
        if (element.Value is { } value)
        {
            Line(path, ConfigBraceRenderer.Quote(value), text);
            return;
        }

        if (element.Members.Count > 0)
        {
            Line(path, element.Members.Count == 1 ? ConfigBraceRenderer.Quote(element.Members[0]) : "[ " + string.Join(' ', element.Members.Select(ConfigBraceRenderer.Quote)) + " ]", text);
            return;
        }

        if (element.Children.Count == 0)
        {
            if (path.Count > 0)
            {
                Line(path, null, text);
            }

            return;
        }

        foreach (var child in element.Children)
        {
            path.Add(ConfigBraceRenderer.Quote(child.Name));
            Write(child, path, text);
            path.RemoveAt(path.Count - 1);
        }
    }

    private static void Line(List<string> path, string? value, StringBuilder text)
    {
        text.Append("set ").AppendJoin(' ', path);
        if (value is not null)
        {
            text.Append(' ').Append(value);
        }

        text.Append('\n');
    }
}
