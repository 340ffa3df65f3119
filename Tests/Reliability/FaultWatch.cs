using System.Collections.Concurrent;
using NLog;
using NLog.Config;
using NLog.Targets;

namespace VirtualFirewall.Tests.Reliability;

/// <summary>
/// Everything the emulator logs while a test runs (through NLog, as in production), and every task
/// exception nobody observed. A hostile client must never produce an error line: errors are bugs.
/// </summary>
internal sealed class FaultWatch : IDisposable
{
    private readonly QueueTarget _target = new() { Name = $"watch-{Guid.NewGuid():N}" };
    private readonly LoggingRule _rule;
    private readonly ConcurrentQueue<Exception> _unobserved = new();

    /// <param name="minimum">The lowest level kept: Info to read what the hosts did, Warn for a long run.</param>
    public FaultWatch(NLog.LogLevel? minimum = null)
    {
        var configuration = LogManager.Configuration ?? new LoggingConfiguration();
        _rule = new LoggingRule("*", minimum ?? NLog.LogLevel.Info, _target);
        configuration.AddTarget(_target);
        configuration.LoggingRules.Add(_rule);
        LogManager.Configuration = configuration;
        TaskScheduler.UnobservedTaskException += OnUnobserved;
    }

    /// <summary>Every line logged so far, at any level.</summary>
    public IReadOnlyList<string> Lines => [.. _target.Lines];

    /// <summary>Error and fatal lines, and unobserved task exceptions, after making the finalizer surface the latter.</summary>
    public IReadOnlyList<string> Faults()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return [.. Lines.Where(l => l.StartsWith("ERROR", StringComparison.Ordinal) || l.StartsWith("FATAL", StringComparison.Ordinal)),
            .. _unobserved.Select(e => "unobserved task exception: " + e)];
    }

    public void AssertNoFaults() => Assert.That(Faults(), Is.Empty, "errors logged or task exceptions unobserved");

    public void Dispose()
    {
        TaskScheduler.UnobservedTaskException -= OnUnobserved;
        if (LogManager.Configuration is { } configuration)
        {
            configuration.LoggingRules.Remove(_rule);
            configuration.RemoveTarget(_target.Name);
            LogManager.Configuration = configuration;
        }
    }

    private void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) => _unobserved.Enqueue(e.Exception);

    private sealed class QueueTarget : TargetWithLayout
    {
        public QueueTarget()
        {
            Layout = "${level:uppercase=true} ${logger:shortName=true} ${message}${onexception: ${exception:format=tostring}}";
        }

        public ConcurrentQueue<string> Lines { get; } = new();

        protected override void Write(LogEventInfo logEvent) => Lines.Enqueue(RenderLogEvent(Layout, logEvent));
    }
}
