namespace VirtualFirewall.Fuzz.Support;

/// <summary>A target found the product in a state its own contract rules out: reported as a crash.</summary>
public sealed class InvariantViolationException : Exception
{
    public InvariantViolationException()
    {
    }

    public InvariantViolationException(string message)
        : base(message)
    {
    }

    public InvariantViolationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
