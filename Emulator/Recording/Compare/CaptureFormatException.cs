namespace VirtualFirewall.Emulator.Recording.Compare;

/// <summary>A capture that cannot be compared: empty, or without a PAN-OS prompt or command.</summary>
public sealed class CaptureFormatException : Exception
{
    /// <summary>Creates the exception without a message.</summary>
    public CaptureFormatException()
    {
    }

    /// <summary>Creates the exception with the reason the capture cannot be used.</summary>
    /// <param name="message">The reason, shown to the user.</param>
    public CaptureFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the reason and the error behind it.</summary>
    /// <param name="message">The reason, shown to the user.</param>
    /// <param name="inner">The error behind it.</param>
    public CaptureFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
