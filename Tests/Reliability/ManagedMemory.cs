namespace VirtualFirewall.Tests.Reliability;

/// <summary>Live managed memory after a full collection: a leak check compares two of these, never a speed.</summary>
internal static class ManagedMemory
{
    public const long MiB = 1024 * 1024;

    public static long Live()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    public static string Describe(long bytes) => $"{bytes / (double)MiB:F1} MiB";
}
