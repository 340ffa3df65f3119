namespace VirtualFirewall.Emulator.Control;

/// <summary>The optional body of <c>POST /devices/{name}/generator/start</c>.</summary>
public sealed record GeneratorStartRequest
{
    /// <summary>A seed restarts the generator with it; without one a running generator carries on.</summary>
    public long? Seed { get; init; }
}
