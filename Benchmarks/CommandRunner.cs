using VirtualFirewall.Emulator.Inventory;
using VirtualFirewall.Engine;
using VirtualFirewall.Engine.Cli;
using VirtualFirewall.Engine.State;
using VirtualFirewall.Engine.Time;
using VirtualFirewall.Grammar;

namespace VirtualFirewall.Benchmarks;

/// <summary>
/// The embedded default device (an hour of generated traffic behind it) on a clock that stands still,
/// with an administrator logged in: runs a line the way the CLI host does, parse then <see cref="Device.Execute"/>.
/// </summary>
public sealed class CommandRunner
{
    /// <summary>The instant every benchmark device starts at.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private readonly CliSession _session;

    /// <param name="swVersion">The release the device reports (before 7.1: the 6.x `show session id` layout); null for the default.</param>
    public CommandRunner(string? swVersion = null)
    {
        Clock = new ManualTimeProvider(Start);
        var identity = swVersion is null ? new DeviceIdentity() : new DeviceIdentity { SwVersion = swVersion };
        Device = DefaultDevice.Create(Clock, identity);
        (_session, _) = Device.Login("admin", "192.0.2.1", "CLI");
    }

    public ManualTimeProvider Clock { get; }

    public Device Device { get; }

    /// <summary>Parses and runs one line; a parse failure returns its message, as the CLI prints it.</summary>
    public string Run(string line) => VirtualFirewall.Grammar.CommandLine.Parse(line, _session.Mode, _session.EditPath) switch
    {
        ParsedCommand command => Device.Execute(command.Command, _session).Output,
        ParseFailure failure => failure.Message,
        _ => string.Empty,
    };

    /// <summary>Runs a line and fails loudly unless it printed something other than a CLI error: a benchmark of an error screen measures nothing.</summary>
    public string RunChecked(string line)
    {
        var output = Run(line);
        if (output.Length == 0 || output.StartsWith("Invalid syntax", StringComparison.Ordinal) || output.StartsWith("Unknown command", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"`{line}` printed `{output.Trim()}`");
        }

        return output;
    }
}
