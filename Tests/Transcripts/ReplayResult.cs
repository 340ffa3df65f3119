using VirtualFirewall.Emulator.Recording;

namespace VirtualFirewall.Tests.Transcripts;

/// <summary>What a replay received: before the first step, and in answer to each step.</summary>
internal sealed record ReplayResult(byte[] InitialOutput, IReadOnlyList<(TranscriptStep Step, byte[] Output)> Steps)
{
    public byte[] AllOutput() => [.. InitialOutput, .. Steps.SelectMany(s => s.Output)];
}
