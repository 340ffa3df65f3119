using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using VirtualFirewall.Emulator.Inventory.Scenarios;

namespace VirtualFirewall.Emulator.Recording.Compare;

/// <summary>
/// <c>transcript compare &lt;capture&gt;</c>: replays the commands of a plain capture of a real firewall
/// session against an emulated device in memory and reports, command by command, where the emulator's
/// output differs from the real device's. Exit status 0 when every command matches, 1 when any differs,
/// 2 when the capture cannot be read or an option is wrong.
/// </summary>
public static class CompareCommand
{
    /// <summary>Every command's output matched.</summary>
    public const int Identical = 0;

    /// <summary>At least one command's output differs.</summary>
    public const int Different = 1;

    /// <summary>The capture could not be read or used, or an option is wrong.</summary>
    public const int Unusable = 2;

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The <c>compare</c> command, to add under <c>transcript</c>; its action writes to <see cref="Console.Out"/>.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var capture = new Argument<string>("capture") { Description = "A plain capture of a real firewall session (script or PuTTY log, netmiko session_log)." };
        var device = new Option<string>("--device")
        {
            Description = $"The built-in device to compare against: {string.Join(", ", ScenarioCatalog.Names)}.",
            DefaultValueFactory = _ => "default",
        };
        var swVersion = new Option<string?>("--sw-version") { Description = "The PAN-OS release the device reports (layouts follow it)." };
        var clock = new Option<string?>("--clock") { Description = "ISO 8601 instant of the login; the clock stands still there (default 2026-11-27T18:56:14Z)." };
        var boot = new Option<string?>("--boot") { Description = "ISO 8601 instant the device started (default: 7 days 10:56:14 before the clock)." };
        var hostname = new Option<string?>("--hostname") { Description = "The device's hostname (default: the one in the capture's first prompt)." };
        var ignore = new Option<string[]>("--ignore")
        {
            Description = "Leave out lines matching this regular expression, on both sides (repeatable).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("compare", "Replay a capture of a real firewall session against the emulator and report every command whose output differs.")
        {
            capture,
            device,
            swVersion,
            clock,
            boot,
            hostname,
            ignore,
        };
        command.SetAction(parsed =>
        {
            string? problem = null;
            var options = new CompareOptions
            {
                CapturePath = parsed.GetValue(capture)!,
                Device = parsed.GetValue(device) ?? "default",
                SwVersion = parsed.GetValue(swVersion),
                Clock = Instant("--clock", parsed.GetValue(clock), ref problem),
                Boot = Instant("--boot", parsed.GetValue(boot), ref problem),
                Hostname = parsed.GetValue(hostname),
                Ignore = parsed.GetValue(ignore) ?? [],
            };
            if (problem is not null)
            {
                Console.Out.WriteLine(problem);
                return Unusable;
            }

            return Run(options, Console.Out);
        });
        return command;
    }

    /// <summary>Reads the capture file and compares it; see <see cref="Compare"/>.</summary>
    /// <param name="options">The capture file, the device and the lines to leave out.</param>
    /// <param name="output">Where the report goes.</param>
    /// <returns><see cref="Identical"/>, <see cref="Different"/> or <see cref="Unusable"/>.</returns>
    public static int Run(CompareOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        string text;
        try
        {
            text = File.ReadAllText(options.CapturePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            output.WriteLine($"cannot read capture {options.CapturePath}: {e.Message}");
            return Unusable;
        }

        return Compare(text, options, output);
    }

    /// <summary>
    /// Replays the capture's commands in order against the device the options describe and writes, for
    /// each command whose output differs, its capture line and a line diff (<c>-</c> capture, <c>+</c>
    /// emulator), then <c>N commands, N identical, N different</c>.
    /// </summary>
    /// <param name="capture">The capture's text; <see cref="CompareOptions.CapturePath"/> only names it in messages.</param>
    /// <param name="options">The device and the lines to leave out.</param>
    /// <param name="output">Where the report goes.</param>
    /// <returns><see cref="Identical"/>, <see cref="Different"/> or <see cref="Unusable"/>.</returns>
    public static int Compare(string capture, CompareOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(capture);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        Capture parsed;
        List<Regex> ignore;
        CaptureReplay replay;
        DateTimeOffset clock;
        try
        {
            parsed = CaptureParser.Parse(capture);
            if (!ScenarioCatalog.Names.Contains(options.Device, StringComparer.Ordinal))
            {
                throw new ArgumentException($"--device: unknown device `{options.Device}`; known: {string.Join(", ", ScenarioCatalog.Names)}");
            }

            ignore = [.. options.Ignore.Select(pattern => Pattern(pattern))];
            clock = options.Clock ?? CompareOptions.DefaultClock;
            var boot = options.Boot ?? clock - CompareOptions.DefaultUptime;
            if (boot > clock)
            {
                throw new ArgumentException($"--boot {Iso(boot)} is after --clock {Iso(clock)}");
            }

            replay = CaptureReplay.Start(options, parsed.FirstPrompt, clock, boot);
        }
        catch (CaptureFormatException e)
        {
            output.WriteLine($"cannot use capture {options.CapturePath}: {e.Message}");
            return Unusable;
        }
        catch (ArgumentException e)
        {
            output.WriteLine(e.Message);
            return Unusable;
        }

        var identity = replay.Device.Identity;
        output.WriteLine($"device {options.Device} (PAN-OS {identity.SwVersion}) named {identity.Hostname} at {Iso(clock)}; - capture, + emulator");
        var different = 0;
        foreach (var step in parsed.Steps)
        {
            var expected = Filter(step.ExpectedOutput, ignore);
            var actual = Filter(replay.Run(step.Command), ignore);
            if (string.Equals(expected, actual, StringComparison.Ordinal))
            {
                continue;
            }

            different++;
            output.WriteLine();
            output.WriteLine($"line {step.Line.ToString(CultureInfo.InvariantCulture)}: {step.InputLine}");
            output.Write(CaptureLineDiff.Render(expected, actual));
        }

        replay.Close();
        var count = parsed.Steps.Count;
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? "command" : "commands")}, {count - different} identical, {different} different"));
        return different == 0 ? Identical : Different;
    }

    private static Regex Pattern(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"--ignore `{pattern}`: {e.Message}", e);
        }
    }

    /// <summary>The text without the lines that match any of <paramref name="ignore"/>.</summary>
    private static string Filter(string text, List<Regex> ignore)
    {
        if (ignore.Count == 0 || text.Length == 0)
        {
            return text;
        }

        var lines = text.Split('\n');
        var kept = new List<string>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            // The last piece is what follows the final line end: nothing, or a line without an end.
            var isEnd = i == lines.Length - 1 && lines[i].Length == 0;
            if (isEnd || !ignore.Any(regex => regex.IsMatch(lines[i])))
            {
                kept.Add(lines[i]);
            }
        }

        return string.Join('\n', kept);
    }

    private static DateTimeOffset? Instant(string option, string? value, ref string? problem)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        problem ??= $"{option}: not an ISO 8601 instant: {value}";
        return null;
    }

    private static string Iso(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
