using BenchmarkDotNet.Attributes;

namespace VirtualFirewall.Benchmarks;

/// <summary>
/// `show session all filter ... count yes` through the command path (parse, device lock, catch-up,
/// count, render) on the default device with <see cref="Sessions"/> more sessions opened in its table:
/// the same filters as <see cref="SessionTableBenchmarks"/>, which calls the table directly.
/// </summary>
[MemoryDiagnoser]
public class SessionFilterCommandBenchmarks
{
    private CommandRunner _runner = null!;

    [Params(1_000_000)]
    public int Sessions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _runner = new CommandRunner();
        _runner.Device.Locked(device =>
        {
            SessionTableFactory.Fill(device.Sessions, Sessions);
            return device.Sessions.LiveCount;
        });
        _runner.RunChecked("show session all filter from trust application ssl count yes");
    }

    [Benchmark]
    public string CountByZoneAndApplication() => _runner.Run("show session all filter from trust application ssl count yes");

    [Benchmark]
    public string CountByDestinationPort() => _runner.Run("show session all filter destination-port 53 count yes");
}
