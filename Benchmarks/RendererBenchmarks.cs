using BenchmarkDotNet.Attributes;
using VirtualFirewall.Engine.Configuration;
using VirtualFirewall.Engine.Logs;
using VirtualFirewall.Engine.Rendering;
using VirtualFirewall.Engine.Rendering.Configuration;
using VirtualFirewall.Engine.Sessions;

namespace VirtualFirewall.Benchmarks;

/// <summary>
/// The renderer classes alone, called with what the handlers give them, on the same default device as
/// <see cref="ShowCommandBenchmarks"/>: the difference between the two is parsing, the device lock, the
/// catch-up and the selection of the data.
/// </summary>
[MemoryDiagnoser]
public class RendererBenchmarks
{
    private CommandRunner _runner = null!;
    private Session _session = null!;
    private DateTimeOffset? _expiresAt;
    private List<Session> _live = null!;
    private ConfigElement _fullRunning = null!;
    private IReadOnlyList<TrafficLogEntry> _log = null!;
    private IReadOnlyList<TrafficLogEntry> _logPage = null!;

    [GlobalSetup]
    public void Setup()
    {
        _runner = new CommandRunner();
        var device = _runner.Device;
        _live = [.. device.Sessions.Scan()];
        _session = _live[0];
        _expiresAt = device.Sessions.ExpiresAt(_session.Id);
        _fullRunning = FullConfiguration.Of(device.Configuration.Running);
        _log = TrafficLogQuerySelection.Select(device.TrafficLog, backward: false, query: null, trackerOnly: false, count: null);
        _logPage = TrafficLogQuerySelection.Select(device.TrafficLog, backward: true, query: null, trackerOnly: false, count: 20);
    }

    [Benchmark]
    public string SessionDetailModern() =>
        SessionDetailRenderer.Render(_session, CommandRunner.Start, "10.2.10", _runner.Device.Clock.ToLocal, _expiresAt);

    [Benchmark]
    public string SessionDetail6x() =>
        SessionDetailRenderer.Render(_session, CommandRunner.Start, "6.1.0", _runner.Device.Clock.ToLocal, _expiresAt);

    [Benchmark]
    public string SessionList() => SessionListRenderer.Render(_live);

    [Benchmark]
    public string SystemInfo() =>
        SystemInfoRenderer.Render(_runner.Device.Identity, PanosTime.Asctime(_runner.Device.Clock.ToLocal(CommandRunner.Start)), PanosTime.Uptime(TimeSpan.FromHours(1)));

    /// <summary>The brace renderer over the full configuration tree, built once.</summary>
    [Benchmark]
    public string ConfigBrace() => ConfigBraceRenderer.Render(_fullRunning);

    /// <summary>What the handler does: the full tree (defaults filled in) from the CLI view, then the brace renderer.</summary>
    [Benchmark]
    public string ConfigBraceWithFullTree() => ConfigBraceRenderer.Render(FullConfiguration.Of(_runner.Device.Configuration.Running));

    [Benchmark]
    public string TrafficLog() => TrafficLogRenderer.Render(_log, showTracker: false, _runner.Device.Clock.ToLocal);

    [Benchmark]
    public string TrafficLogPage() => TrafficLogRenderer.Render(_logPage, showTracker: false, _runner.Device.Clock.ToLocal);
}
