
namespace VirtualFirewall.Emulator.Recording;

/// <summary>What a replay received: before the first step, and in answer to each step.</summary>
public sealed record ReplayResult(byte[] InitialOutput, IReadOnlyList<(TranscriptStep Step, byte[] Output)> Steps)
{
    public byte[] AllOutput() => [.. InitialOutput, .. Steps.SelectMany(s => s.Output)];
}
