namespace VirtualFirewall.Emulator.Recording;

/// <summary>A transcript file that does not follow transcripts/README.md, with the line at fault.</summary>
public sealed class TranscriptFormatException : Exception
{
    public TranscriptFormatException()
    {
    }

    public TranscriptFormatException(string message)
        : base(message)
    {
    }

    public TranscriptFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public TranscriptFormatException(int line, string message)
        : base($"line {line}: {message}")
    {
    }
}
