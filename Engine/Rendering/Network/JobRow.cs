namespace VirtualFirewall.Engine.Rendering.Network;

/// <summary>
/// One job as `show jobs` prints it: local times already formatted, <see cref="Completed"/> the
/// finish time of a finished job or the progress (`55%`) of a running one.
/// </summary>
public sealed record JobRow(string Enqueued, string Dequeued, int Id, string Type, string Status, string Result, string Completed)
{
    public IReadOnlyList<string> Details { get; init; } = [];
}
