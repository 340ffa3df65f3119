using System.Text.Json;

namespace VirtualFirewall.Tests.Interop;

/// <summary>Parses text with an ntc-templates TextFSM template through Debian's python3-textfsm.</summary>
internal static class TextFsm
{
    private const string ParseScript = """
        import json, sys, textfsm
        with open(sys.argv[1]) as template, open(sys.argv[2]) as data:
            fsm = textfsm.TextFSM(template)
            rows = fsm.ParseText(data.read())
        print(json.dumps([dict(zip(fsm.header, row)) for row in rows]))
        """;

    /// <summary>
    /// The records of <paramref name="text"/> under the template `paloalto_panos_&lt;template&gt;.textfsm`
    /// in Tests/Reference/ntc-templates; list values are joined with commas.
    /// </summary>
    public static List<Dictionary<string, string>> Parse(string template, string text)
    {
        DebianPython.Require("textfsm");
        var data = Path.GetTempFileName();
        try
        {
            File.WriteAllText(data, text);
            var path = RepositoryPaths.Reference($"ntc-templates/paloalto_panos_{template}.textfsm");
            var (exit, stdout, stderr) = DebianPython.Run(ParseScript, [path, data], TimeSpan.FromSeconds(60));
            Assert.That(exit, Is.EqualTo(0), stderr + "\n" + text);
            return JsonSerializer.Deserialize<List<Dictionary<string, JsonElement>>>(stdout)!
                .Select(row => row.ToDictionary(
                    p => p.Key,
                    p => p.Value.ValueKind == JsonValueKind.Array ? string.Join(',', p.Value.EnumerateArray().Select(e => e.GetString())) : p.Value.GetString() ?? string.Empty,
                    StringComparer.Ordinal))
                .ToList();
        }
        finally
        {
            File.Delete(data);
        }
    }
}
