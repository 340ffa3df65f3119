using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;

namespace VirtualFirewall.Benchmarks;

/// <summary>Adds <see cref="ThroughputColumn"/> to a benchmark class's summary and prints algorithm names whole.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        AddColumn(new ThroughputColumn());
        SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(40);
    }
}
