using System.Text;

namespace VirtualFirewall.Engine.Rendering;

/// <summary>
/// The pipes after a command (`show session all | match ssl | except vsys`), applied line by line to
/// its output in order. Only the lines that pass every filter are printed.
/// </summary>
public sealed class OutputPipeline
{
    public OutputPipeline(IReadOnlyList<OutputFilter> filters)
    {
        Filters = filters;
    }

    public static OutputPipeline None { get; } = new([]);

    public IReadOnlyList<OutputFilter> Filters { get; }

    public string Apply(string output)
    {
        if (Filters.Count == 0 || output.Length == 0)
        {
            return output;
        }

        var text = new StringBuilder(output.Length);
        var lines = output.Split('\n');

        // The split leaves an empty last element after the final line end: it is not a line.
        var count = output.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        for (var i = 0; i < count; i++)
        {
            if (Filters.All(f => f.Keeps(lines[i])))
            {
                text.Append(lines[i]).Append('\n');
            }
        }

        return text.ToString();
    }
}
