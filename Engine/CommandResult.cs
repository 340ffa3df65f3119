namespace VirtualFirewall.Engine;

/// <summary>
/// What a command produced: the text shown after the echoed command line (`\n` line ends, no prompt),
/// and whether the login session ends.
/// </summary>
public sealed record CommandResult(string Output, bool EndsSession = false)
{
    public static CommandResult Silent { get; } = new(string.Empty);

    public static CommandResult EndSession { get; } = new(string.Empty, EndsSession: true);
}
