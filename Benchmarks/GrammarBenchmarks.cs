using BenchmarkDotNet.Attributes;
using VirtualFirewall.Grammar;

namespace VirtualFirewall.Benchmarks;

[MemoryDiagnoser]
public class GrammarBenchmarks
{
    [Benchmark]
    public ParseOutcome ShowSystemInfo() => VirtualFirewall.Grammar.CommandLine.Parse("show system info");

    [Benchmark]
    public ParseOutcome SessionFilter() => VirtualFirewall.Grammar.CommandLine.Parse("show session all filter from trust to untrust destination-port 443 application ssl count yes");
}
