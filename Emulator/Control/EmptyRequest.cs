namespace VirtualFirewall.Emulator.Control;

/// <summary>The body of endpoints that take none: nothing, or <c>{}</c>.</summary>
internal sealed record EmptyRequest;
