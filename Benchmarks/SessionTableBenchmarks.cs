using BenchmarkDotNet.Attributes;
using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Engine.Time;

namespace VirtualFirewall.Benchmarks;

/// <summary>Issue 4's scale goals: constant-time lookup and fast filtered counts over 1,000,000 sessions.</summary>
[MemoryDiagnoser]
public class SessionTableBenchmarks
{
    private SessionTable _table = null!;
    private uint _next;

    [Params(1_000_000)]
    public int Sessions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
        _table = SessionTableFactory.Create(Sessions, clock);
    }

    [Benchmark]
    public Session? FindById() => _table.Find(unchecked(_next = (_next * 2654435761u) + 1) % (uint)Sessions + 1);

    [Benchmark]
    public int CountFilteredByZoneAndApplication() => _table.Count(new SessionFilter { From = "trust", Application = "ssl" });

    [Benchmark]
    public int CountFilteredByDestinationPort() => _table.Count(new SessionFilter { DestinationPort = 53 });

    [Benchmark]
    public int FirstPageOfShowSessionAll() => _table.Scan(SessionFilter.All).Take(1000).Count();
}
