namespace VirtualFirewall.Emulator.Inventory.Description;

/// <summary>A device description that cannot be used: where (file, line, column) and why.</summary>
public sealed class DescriptionException : Exception
{
    public DescriptionException(string file, long line, long column, string reason)
        : base($"{file}:{line}:{column}: {reason}")
    {
        File = file;
        Line = line;
        Column = column;
        Reason = reason;
    }

    public DescriptionException()
        : this("<description>", 1, 1, "invalid device description")
    {
    }

    public DescriptionException(string message)
        : this("<description>", 1, 1, message)
    {
    }

    public DescriptionException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "<description>";
        Reason = message;
    }

    public string File { get; }
    public long Line { get; }
    public long Column { get; }
    public string Reason { get; }
}
