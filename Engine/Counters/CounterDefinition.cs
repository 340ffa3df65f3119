namespace VirtualFirewall.Engine.Counters;

/// <summary>What `show counter global` prints about a counter besides its value and rate.</summary>
public sealed record CounterDefinition(string Name, CounterSeverity Severity, string Category, string Aspect, string Description);
