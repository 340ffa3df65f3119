namespace VirtualFirewall.Tests.Engine.Network;

/// <summary>Reads the ntc-templates samples under Tests/Reference and cuts their fixed columns.</summary>
internal static class NetworkSamples
{
    public static string Read(string name) => File.ReadAllText(RepositoryPaths.Reference("ntc-templates/" + name));

    public static string[] Lines(string name) => Read(name).Split('\n');

    /// <summary>The trimmed fields of a line that start at the given columns.</summary>
    public static string[] Cut(string line, params int[] starts)
    {
        var fields = new string[starts.Length];
        for (var i = 0; i < starts.Length; i++)
        {
            var from = Math.Min(starts[i], line.Length);
            var to = i + 1 < starts.Length ? Math.Min(starts[i + 1], line.Length) : line.Length;
            fields[i] = line[from..to].Trim();
        }

        return fields;
    }
}
