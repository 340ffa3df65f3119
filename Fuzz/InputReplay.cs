namespace VirtualFirewall.Fuzz;

/// <summary>Runs saved inputs (a crash afl found, a corpus) through a target outside afl, reporting each.</summary>
internal static class InputReplay
{
    public static bool Run(IFuzzTarget target, IEnumerable<string> paths)
    {
        var clean = true;
        foreach (var file in paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p).Order(StringComparer.Ordinal) : (IEnumerable<string>)[p]))
        {
            try
            {
                target.Run(File.ReadAllBytes(file));
                Console.WriteLine($"ok     {file}");
            }
#pragma warning disable CA1031 // Any exception is the finding being reported.
            catch (Exception e)
#pragma warning restore CA1031
            {
                clean = false;
                Console.WriteLine($"CRASH  {file}: {e.GetType().Name}: {e.Message}");
                Console.WriteLine(e.StackTrace);
            }
        }

        return clean;
    }
}
