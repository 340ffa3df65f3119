using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace VirtualFirewall.Benchmarks;

/// <summary>Payload bytes per second of a benchmark with a <c>PayloadSize</c> parameter: the parameter over the mean time of one operation.</summary>
public sealed class ThroughputColumn : IColumn
{
    private const string Parameter = "PayloadSize";

    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "Payload MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Payload megabytes (10^6 bytes) processed per second by one thread: PayloadSize / Mean";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var size = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == Parameter)?.Value;
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (size is not int bytes || mean is not > 0)
        {
            return "-";
        }

        return (bytes / mean.Value * 1e9 / 1e6).ToString("N1", CultureInfo.InvariantCulture);
    }

    public override string ToString() => ColumnName;
}
