using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using VirtualFirewall.Engine.Configuration;

namespace VirtualFirewall.Engine.Rendering.Configuration;

/// <summary>
/// `set cli config-output-format json`. No capture of PAN-OS's JSON layout exists in the reference;
/// this follows the XML structure the way PAN-OS's XML-to-JSON conversions do elsewhere (entries as
/// objects with `@name` in an `entry` array, members in a `member` array).
/// </summary>
public static class ConfigJsonRenderer
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(ConfigElement element) =>
        new JsonObject { [element.Name] = Node(element) }.ToJsonString(Options).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    private static JsonNode? Node(ConfigElement element)
    {
        if (element.Value is { } value)
        {
            return JsonValue.Create(value);
        }

        if (element.Members.Count > 0)
        {
            return new JsonObject { ["member"] = new JsonArray([.. element.Members.Select(m => (JsonNode?)JsonValue.Create(m))]) };
        }

        var body = new JsonObject();
        if (element.IsEntry)
        {
            body["@name"] = element.Name;
        }

        foreach (var group in element.Children.GroupBy(c => c.IsEntry))
        {
            if (group.Key)
            {
                body["entry"] = new JsonArray([.. group.Select(Node)]);
                continue;
            }

            foreach (var child in group)
            {
                body[child.Name] = Node(child);
            }
        }

        return body;
    }
}
