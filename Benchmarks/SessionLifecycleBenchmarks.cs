using System.Net;
using BenchmarkDotNet.Attributes;
using VirtualFirewall.Engine.Sessions;
using VirtualFirewall.Engine.Time;

namespace VirtualFirewall.Benchmarks;

/// <summary>
/// A session's life on a table of 100,000 established TCP sessions, per operation: open, age out (the
/// clock moves so that <see cref="Batch"/> sessions become due, then the ager runs), end with a tracker stage.
/// Each invocation does <see cref="Batch"/> operations; the iteration cleanup puts the table back to
/// 100,000 live sessions (not measured).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
[WarmupCount(3)]
[IterationCount(15)]
public class SessionLifecycleBenchmarks
{
    /// <summary>Operations per invocation.</summary>
    public const int Batch = 10_000;

    /// <summary>Live sessions in the table at the start of every iteration.</summary>
    public const int TableSize = 100_000;

    private static readonly string[] Applications = ["ssl", "web-browsing", "ssh", "smtp"];

    // The sessions were opened this far apart, so that moving the clock by Batch * Spacing ages Batch of them.
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(SessionTimeouts.PanosDefaults.Tcp) / TableSize;

    private readonly Queue<uint> _live = new();
    private readonly List<uint> _touched = new(Batch);
    private SessionSpec[] _specs = null!;
    private SessionTable _table = null!;
    private ManualTimeProvider _clock = null!;
    private int _nextSpec;

    [GlobalSetup]
    public void Setup()
    {
        _clock = new ManualTimeProvider(CommandRunner.Start);
        _table = new SessionTable(_clock);
        var random = new Random(42);
        _specs = new SessionSpec[Batch];
        for (var i = 0; i < _specs.Length; i++)
        {
            var application = Applications[i % Applications.Length];
            _specs[i] = new SessionSpec(
                new IPAddress((uint)(0x0A000000 + random.Next(1 << 20))), "trust", 1024 + random.Next(60000),
                new IPAddress((uint)(0xCB007100 + random.Next(256))), "untrust", application == "ssh" ? 22 : 443, SessionTimeouts.TcpProtocol)
            {
                Application = application,
                Rule = "allow-" + application,
                Established = true,
            };
        }

        for (var i = 0; i < TableSize; i++)
        {
            _clock.Advance(Spacing);
            _live.Enqueue(_table.Open(NextSpec()).Id);
        }

        Check(_table.LiveCount == TableSize, "the table did not fill");
    }

    /// <summary>`SessionTable.Open` of an established TCP session (ager entry, id order, counters, name pooling).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void Open()
    {
        for (var i = 0; i < Batch; i++)
        {
            _touched.Add(_table.Open(NextSpec()).Id);
        }
    }

    [IterationCleanup(Target = nameof(Open))]
    public void CloseOpened()
    {
        foreach (var id in _touched)
        {
            _table.Clear(id);
        }

        _touched.Clear();
        Check(_table.LiveCount == TableSize, "open cleanup left the table at the wrong size");
    }

    /// <summary>The clock moves past the due time of the <see cref="Batch"/> oldest sessions and the ager frees them (tracker `Aged out`).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int AgeOut()
    {
        _clock.Advance(Spacing * Batch);
        return _table.Advance();
    }

    [IterationCleanup(Target = nameof(AgeOut))]
    public void ReplaceAged()
    {
        Check(TableSize - _table.LiveCount == Batch, "the ager did not free a batch");
        while (_live.Count > 0 && !_table.IsLive(_live.Peek()))
        {
            _live.Dequeue();
        }

        Refill();
    }

    /// <summary>`TCP FIN`: the session leaves the live states and is held in CLOSING for TIME_WAIT.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void EndTcpFin() => EndOldest(TrackerStage.TcpFin);

    /// <summary>`TCP RST - server`: the session is freed at once.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void EndTcpRstServer() => EndOldest(TrackerStage.TcpRstServer);

    [IterationCleanup(Targets = [nameof(EndTcpFin), nameof(EndTcpRstServer)])]
    public void ReplaceEnded()
    {
        foreach (var id in _touched)
        {
            _table.Clear(id);
        }

        _touched.Clear();
        Refill();
    }

    private void EndOldest(TrackerStage stage)
    {
        for (var i = 0; i < Batch; i++)
        {
            var id = _live.Dequeue();
            _table.End(id, stage);
            _touched.Add(id);
        }
    }

    private void Refill()
    {
        while (_table.LiveCount < TableSize)
        {
            _live.Enqueue(_table.Open(NextSpec()).Id);
        }
    }

    private SessionSpec NextSpec()
    {
        var spec = _specs[_nextSpec];
        _nextSpec = (_nextSpec + 1) % _specs.Length;
        return spec;
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
