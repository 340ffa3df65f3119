using System.Globalization;
using BenchmarkDotNet.Attributes;

namespace VirtualFirewall.Benchmarks;

/// <summary>
/// Show commands end to end inside the engine, as a CLI line runs: <see cref="VirtualFirewall.Grammar.CommandLine.Parse"/>, then
/// <see cref="Engine.Device.Execute"/> (lock, catch-up with the clock, handler, renderer) on the embedded default
/// device with its hour of generated traffic. No terminal, pager or transport.
/// </summary>
[MemoryDiagnoser]
public class ShowCommandBenchmarks
{
    private CommandRunner _modern = null!;
    private CommandRunner _legacy = null!;
    private string _showModernId = null!;
    private string _showLegacyId = null!;

    [GlobalSetup]
    public void Setup()
    {
        _modern = new CommandRunner();
        _legacy = new CommandRunner(swVersion: "6.1.0");
        _showModernId = "show session id " + FirstLiveId(_modern);
        _showLegacyId = "show session id " + FirstLiveId(_legacy);

        // Every line must print its screen, not an error.
        foreach (var line in new[] { _showModernId, "show session all", "show session all filter from trust application ssl count yes", "show system info", "show config running", "show log traffic", Page })
        {
            _modern.RunChecked(line);
        }

        _legacy.RunChecked(_showLegacyId);
    }

    /// <summary>The newest 20 entries: about a terminal page of `show log traffic`.</summary>
    public const string Page = "show log traffic direction equal backward count equal 20";

    [Benchmark]
    public string ShowSessionIdModern() => _modern.Run(_showModernId);

    [Benchmark]
    public string ShowSessionId6x() => _legacy.Run(_showLegacyId);

    /// <summary>Every live session of the default device (the pager shows them a page at a time).</summary>
    [Benchmark]
    public string ShowSessionAll() => _modern.Run("show session all");

    [Benchmark]
    public string ShowSessionAllFilterCount() => _modern.Run("show session all filter from trust application ssl count yes");

    [Benchmark]
    public string ShowSystemInfo() => _modern.Run("show system info");

    /// <summary>The running configuration in the default (brace) format.</summary>
    [Benchmark]
    public string ShowConfigRunning() => _modern.Run("show config running");

    /// <summary>The whole traffic log, oldest first (the default when no count is given).</summary>
    [Benchmark]
    public string ShowLogTraffic() => _modern.Run("show log traffic");

    [Benchmark]
    public string ShowLogTrafficPage() => _modern.Run(Page);

    internal static string FirstLiveId(CommandRunner runner) =>
        runner.Device.Sessions.Scan().First().Id.ToString(CultureInfo.InvariantCulture);
}
