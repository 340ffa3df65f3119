namespace VirtualFirewall.Engine.Counters;

/// <summary>The counters one `show counter global` prints and the time since the last sampling.</summary>
public sealed record CounterSample(TimeSpan Elapsed, IReadOnlyList<CounterRow> Rows);
