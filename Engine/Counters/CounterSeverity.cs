namespace VirtualFirewall.Engine.Counters;

/// <summary>A global counter's severity, printed lower-case (`info`, `warn`, `drop`, `error`).</summary>
public enum CounterSeverity
{
    Info,
    Warn,
    Drop,
    Error,
}
