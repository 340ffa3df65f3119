namespace VirtualFirewall.Engine.Jobs;

/// <summary>One entry of the device's job list (`show jobs all`, panos-cli-reference.md §11).</summary>
public sealed record Job(int Id, string Type, DateTimeOffset Enqueued);
