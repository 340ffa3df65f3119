
namespace VirtualFirewall.Emulator.Recording;

/// <summary>Describes the first difference between expected and actual bytes, invisible characters made visible.</summary>
public static class TranscriptDiff
{
    public static string? FirstDifference(byte[] expected, byte[] actual)
    {
        if (expected.AsSpan().SequenceEqual(actual))
        {
            return null;
        }

        var prefix = 0;
        while (prefix < expected.Length && prefix < actual.Length && expected[prefix] == actual[prefix])
        {
            prefix++;
        }

        var before = TranscriptNotation.Render(expected.AsSpan(0, prefix));
        var line = before.Count(c => c == '\n') + 1;
        var lineStart = before.LastIndexOf('\n') + 1;
        var column = before.Length - lineStart + 1;
        var sameLine = before[lineStart..];
        return $"""
            first difference at output line {line}, column {column} (byte {prefix}):
              expected: {sameLine}{Visible(expected, prefix)}
              actual:   {sameLine}{Visible(actual, prefix)}
            """;
    }

    private static string Visible(byte[] bytes, int from)
    {
        var rest = TranscriptNotation.Render(bytes.AsSpan(from, Math.Min(120, bytes.Length - from)));
        return rest.Length == 0 ? "<end of output>" : rest.Replace("\n", "⏎\n            ", StringComparison.Ordinal);
    }
}
