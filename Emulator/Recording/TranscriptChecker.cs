namespace VirtualFirewall.Emulator.Recording;

/// <summary>
/// `transcript check &lt;files or directories&gt;`: replays each transcript against the emulator in memory
/// and reports, per file, `PASS` or `FAIL` with the first difference and a line diff (invisible bytes
/// made visible).
/// </summary>
public static class TranscriptChecker
{
    /// <summary>Checks every `*.txt` transcript named or found below the paths. Returns the number that failed.</summary>
    public static int Check(IEnumerable<string> paths, TextWriter output)
    {
        var failed = 0;
        var checkedAny = false;
        foreach (var file in Files(paths, output, ref failed))
        {
            checkedAny = true;
            string? problem;
            try
            {
                var transcript = Transcript.Parse(File.ReadAllText(file));
                var result = MemoryReplay.Run(transcript);
                var expected = transcript.ExpectedOutput();
                var actual = result.AllOutput();
                problem = TranscriptDiff.FirstDifference(expected, actual) is { } first
                    ? first + "\n" + TranscriptLineDiff.Render(expected, actual).TrimEnd('\n')
                    : null;
            }
            catch (Exception e) when (e is TranscriptFormatException or IOException or UnauthorizedAccessException or ArgumentException or Inventory.Description.DescriptionException)
            {
                problem = e.Message;
            }

            if (problem is null)
            {
                output.WriteLine($"PASS {file}");
            }
            else
            {
                failed++;
                output.WriteLine($"FAIL {file}");
                output.WriteLine(problem);
            }
        }

        if (!checkedAny && failed == 0)
        {
            output.WriteLine("no transcripts found");
            failed++;
        }

        return failed;
    }

    private static List<string> Files(IEnumerable<string> paths, TextWriter output, ref int failed)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                output.WriteLine($"FAIL {path}");
                output.WriteLine("no such file or directory");
                failed++;
            }
        }

        return files;
    }
}
