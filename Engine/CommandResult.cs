namespace VirtualFirewall.Engine;

/// <summary>
/// What a command produced: the text shown after the echoed command line (`\n` line ends, no prompt),
/// and whether the login session ends.
/// </summary>
public sealed record CommandResult(string Output, bool EndsSession = false)
{
    /// <summary>True when the command failed; in configuration mode no blank line follows an error.</summary>
    public bool IsError { get; init; }

    /// <summary>
    /// Set instead of <see cref="Output"/> (which is then empty) when the caller asked for large
    /// output in pieces: see <see cref="StreamedOutput"/>.
    /// </summary>
    public StreamedOutput? Stream { get; init; }

    public static CommandResult Error(string text) => new(text) { IsError = true };

    public static CommandResult Silent { get; } = new(string.Empty);

    public static CommandResult EndSession { get; } = new(string.Empty, EndsSession: true);
}
