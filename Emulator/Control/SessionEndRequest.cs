namespace VirtualFirewall.Emulator.Control;

/// <summary>The body of <c>POST /devices/{name}/sessions/{id}/end</c>.</summary>
public sealed record SessionEndRequest
{
    /// <summary>The tracker stage, as <c>tracker stage firewall</c> prints it (<c>TCP RST - server</c>) or as <c>end-reason</c> does (<c>tcp-rst-from-server</c>).</summary>
    public string? Stage { get; init; }
}
