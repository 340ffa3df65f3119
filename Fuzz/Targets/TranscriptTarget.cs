using VirtualFirewall.Emulator.Recording;
using VirtualFirewall.Emulator.Recording.Compare;
using VirtualFirewall.Fuzz.Support;

namespace VirtualFirewall.Fuzz.Targets;

/// <summary>
/// The text formats of recordings: a transcript (`transcripts/*.txt`) and a terminal capture (what
/// `compare` reads). A malformed one is rejected with its format exception; nothing else may escape.
/// </summary>
public sealed class TranscriptTarget : IFuzzTarget
{
    public string Name => "transcript";

    public void Run(ReadOnlySpan<byte> input)
    {
        var text = FuzzText.Decode(input);
        try
        {
            var transcript = Transcript.Parse(text);
            transcript.ExpectedOutput();
        }
        catch (TranscriptFormatException)
        {
            // Not a transcript.
        }

        try
        {
            CaptureParser.Parse(text);
        }
        catch (CaptureFormatException)
        {
            // Not a capture.
        }
    }
}
