namespace VirtualFirewall.Engine.Counters;

/// <summary>One printed line of `show counter global`: the value (or its change, for `delta`) and the per-second rate.</summary>
public sealed record CounterRow(CounterDefinition Counter, long Value, long Rate);
