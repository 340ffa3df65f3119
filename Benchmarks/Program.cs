using BenchmarkDotNet.Running;

namespace VirtualFirewall.Benchmarks;

/// <summary>`dotnet run -c Release --project Benchmarks -- --filter '*'`; `--memory` prints the table's memory per million sessions.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Contains("--memory", StringComparer.Ordinal))
        {
            MemoryReport.Run();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
