using System.Diagnostics;
using System.Globalization;
using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Engine.Time;

namespace VirtualFirewall.Benchmarks;

/// <summary>Builds 1,000,000 sessions and prints the managed heap and process memory they take.</summary>
public static class MemoryReport
{
    public static void Run()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
        var watch = Stopwatch.StartNew();
        var table = SessionTableFactory.Create(1_000_000, clock);
        var built = watch.Elapsed;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        watch.Restart();
        var count = table.Count(new SessionFilter { From = "trust", Application = "ssl" });
        var counted = watch.Elapsed;
        // What the process keeps once the garbage of building the table is collected and given back to the OS.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sessions: {table.LiveCount}, built in {built.TotalSeconds:F1} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"managed heap for the table: {(after - before) / 1048576.0:F0} MB; process working set: {process.WorkingSet64 / 1048576.0:F0} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"filtered count ({count} matches) in {counted.TotalMilliseconds:F0} ms"));
        GC.KeepAlive(table);
    }
}
