namespace VirtualFirewall.Emulator.Control;

/// <summary>The body of every control API error: <c>{"error":"..."}</c>, naming the field at fault when there is one.</summary>
/// <param name="Error">What went wrong.</param>
public sealed record ControlError(string Error);
