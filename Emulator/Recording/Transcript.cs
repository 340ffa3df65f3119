using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace VirtualFirewall.Emulator.Recording;

/// <summary>
/// A golden transcript (format: transcripts/README.md): a header, `---`, then exactly what the user's
/// terminal receives. A line that starts with a PAN-OS prompt is input: its plain text is typed and
/// echoed, then Enter, whose `\r\n` echo is the line end.
/// </summary>
public sealed partial class Transcript
{
    public const string Separator = "---";

    private Transcript(TranscriptHeader header, string headerText, IReadOnlyList<TranscriptStep> steps)
    {
        Header = header;
        HeaderText = headerText;
        Steps = steps;
    }

    public TranscriptHeader Header { get; }

    /// <summary>The header lines and separator exactly as written, for rewriting the body.</summary>
    public string HeaderText { get; }

    public IReadOnlyList<TranscriptStep> Steps { get; }

    /// <summary>What the server must send, all of it, in order.</summary>
    public byte[] ExpectedOutput() =>
        [.. Steps.OfType<ExpectStep>().SelectMany(s => s.Bytes)];

    // A PAN-OS prompt with its one trailing space (client contract C6; scrapli's pattern).
    [GeneratedRegex(@"^[\w.\-]+@[\w.\-()]+[>#] ", RegexOptions.CultureInvariant)]
    public static partial Regex PromptPattern();

    public static Transcript Parse(string text)
    {
        var separator = text.IndexOf("\n" + Separator + "\n", StringComparison.Ordinal);
        if (separator < 0)
        {
            throw new TranscriptFormatException("no `---` line between header and body");
        }

        var headerText = text[..(separator + Separator.Length + 2)];
        var header = ParseHeader(text[..separator]);
        var bodyFirstLine = headerText.Count(c => c == '\n') + 1;
        var steps = ParseBody(text[(separator + Separator.Length + 2)..], bodyFirstLine);
        return new Transcript(header, headerText, steps);
    }

    private static TranscriptHeader ParseHeader(string text)
    {
        var header = new TranscriptHeader();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw new TranscriptFormatException(lineNumber, $"expected `key: value`, got `{line}`");
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            header = key switch
            {
                "device" => header with { Device = value },
                "sw-version" => header with { SwVersion = value },
                "hostname" => header with { Hostname = value },
                "ha-state" => header with { HaState = value },
                "boot" => header with { Boot = Instant(value, lineNumber) },
                "clock" => header with { Clock = Instant(value, lineNumber) },
                "user" => header with { User = value },
                "from" => header with { From = value },
                "last-login" => ParseLastLogin(header, value, lineNumber),
                "terminal" => ParseTerminal(header, value, lineNumber),
                "replay" => header with { Transports = value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("memory").ToHashSet(StringComparer.Ordinal) },
                _ => throw new TranscriptFormatException(lineNumber, $"unknown header key `{key}`"),
            };
        }

        return header;
    }

    private static TranscriptHeader ParseLastLogin(TranscriptHeader header, string value, int line)
    {
        var parts = value.Split(" from ", StringSplitOptions.TrimEntries);
        return parts.Length == 2
            ? header with { LastLogin = Instant(parts[0], line), LastLoginFrom = parts[1] }
            : throw new TranscriptFormatException(line, "last-login: expected `<instant> from <address>`");
    }

    private static TranscriptHeader ParseTerminal(TranscriptHeader header, string value, int line)
    {
        var parts = value.Split('x');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            ? header with { Width = width, Height = height }
            : throw new TranscriptFormatException(line, "terminal: expected `<columns>x<rows>`");
    }

    private static DateTimeOffset Instant(string value, int line) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : throw new TranscriptFormatException(line, $"not an ISO 8601 instant: `{value}`");

    private static List<TranscriptStep> ParseBody(string body, int firstLine)
    {
        var steps = new List<TranscriptStep>();
        var lines = body.Split('\n');
        var carried = string.Empty;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var lineNumber = firstLine + i;
            var isLast = i == lines.Length - 1;
            if (TryClockDirective(line, lineNumber, out var advance))
            {
                steps.Add(advance);
                continue;
            }

            var prompt = PromptPattern().Match(line);
            var endsWithAction = false;
            var erased = prompt.Success ? -1 : PromptAfterErase(line);
            if (erased >= 0 && PromptPattern().Match(line[erased..]) is { Success: true } afterErase)
            {
                // A prompt written over an erased line (after the pager's `--more--`) starts an input line.
                ParseSegments(line[..erased], typed: false, steps, lineNumber);
                line = line[erased..];
                prompt = afterErase;
            }

            if (prompt.Success)
            {
                Expect(steps, Encoding.UTF8.GetBytes(prompt.Value));
                var rest = line[prompt.Length..];
                var typedSoFar = new StringBuilder();
                if (carried.Length > 0 && rest.StartsWith(carried, StringComparison.Ordinal))
                {
                    // The line redrawn after a `?` or Tab listing: what was typed before is output here.
                    Expect(steps, Encoding.UTF8.GetBytes(carried));
                    typedSoFar.Append(carried);
                    rest = rest[carried.Length..];
                }

                endsWithAction = ParseSegments(rest, typed: true, steps, lineNumber, prompt.Value, typedSoFar);
                carried = endsWithAction && EndsWithListingKey(line) ? typedSoFar.ToString() : string.Empty;
                if (!isLast && !endsWithAction)
                {
                    steps.Add(new TypeStep("\r"u8.ToArray(), Echoed: false));
                }
            }
            else
            {
                ParseSegments(line, typed: false, steps, lineNumber);
            }

            if (!isLast)
            {
                Expect(steps, "\r\n"u8.ToArray());
            }
        }

        return steps;
    }

    /// <summary>
    /// Where the first prompt written over an erased line starts, or -1. Later ones on the same line are
    /// the repaints of what is typed after it.
    /// </summary>
    private static int PromptAfterErase(string line)
    {
        const string Erase = "⟨CR ESC [ K⟩";
        for (var at = line.IndexOf(Erase, StringComparison.Ordinal); at >= 0; at = line.IndexOf(Erase, at + 1, StringComparison.Ordinal))
        {
            if (PromptPattern().IsMatch(line[(at + Erase.Length)..]))
            {
                return at + Erase.Length;
            }
        }

        return -1;
    }

    private static bool EndsWithListingKey(string line) =>
        line.EndsWith("⟪tab⟫", StringComparison.Ordinal) || line.EndsWith("⟪type ?⟫", StringComparison.Ordinal);

    private static bool TryClockDirective(string line, int lineNumber, out AdvanceClockStep step)
    {
        const string Prefix = "⟪clock +";
        step = null!;
        if (!line.StartsWith(Prefix, StringComparison.Ordinal) || !line.EndsWith(TranscriptNotation.ActionClose))
        {
            return false;
        }

        var value = line[Prefix.Length..^1];
        if (!TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var by) || by < TimeSpan.Zero)
        {
            throw new TranscriptFormatException(lineNumber, $"clock: expected `+[d.]hh:mm:ss`, got `{value}`");
        }

        step = new AdvanceClockStep(by);
        return true;
    }

    /// <summary>Adds the steps of one line's text. Returns true when the line ends with an action.</summary>
    // On an input line `prompt` is its prompt: after `⟨...⟩` output, the prompt followed by the text
    // typed so far is the line's repaint (contract C13), expected and not typed.
    private static bool ParseSegments(string text, bool typed, List<TranscriptStep> steps, int lineNumber, string? prompt = null, StringBuilder? typedSoFar = null)
    {
        var endsWithAction = false;
        var afterOutput = false;
        var afterTab = false;
        typedSoFar ??= new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is TranscriptNotation.OutputOpen or TranscriptNotation.ActionOpen)
            {
                var close = c == TranscriptNotation.OutputOpen ? TranscriptNotation.OutputClose : TranscriptNotation.ActionClose;
                var end = text.IndexOf(close, i + 1);
                if (end < 0)
                {
                    throw new TranscriptFormatException(lineNumber, $"`{c}` without `{close}`");
                }

                var inside = text[(i + 1)..end];
                if (c == TranscriptNotation.OutputOpen)
                {
                    if (!TranscriptNotation.TryDecodeOutput(inside, out var bytes))
                    {
                        throw new TranscriptFormatException(lineNumber, $"unknown byte name in `⟨{inside}⟩`");
                    }

                    Expect(steps, bytes);
                    if (afterTab)
                    {
                        // The characters Tab completed belong to the line, up to any repaint.
                        typedSoFar.Append(new string([.. Encoding.UTF8.GetString(bytes).TakeWhile(ch => !char.IsControl(ch))]));
                    }

                    endsWithAction = false;
                    afterOutput = true;
                    afterTab = false;
                }
                else
                {
                    steps.Add(new TypeStep(Action(inside, lineNumber), Echoed: false, Source: text[i..(end + 1)]));
                    endsWithAction = true;
                    afterOutput = false;
                    afterTab = inside == "tab";
                    if (inside is "bs" or "ctrl-h" or "del" && typedSoFar.Length > 0)
                    {
                        typedSoFar.Length--;
                    }
                }

                i = end + 1;
                continue;
            }

            var next = text.IndexOfAny([TranscriptNotation.OutputOpen, TranscriptNotation.ActionOpen], i);
            var literal = next < 0 ? text[i..] : text[i..next];
            var repaint = prompt + typedSoFar;
            if (typed && afterOutput && prompt is not null && literal.StartsWith(repaint, StringComparison.Ordinal))
            {
                Expect(steps, Encoding.UTF8.GetBytes(repaint));
                literal = literal[repaint.Length..];
                i += repaint.Length;
            }

            var literalBytes = Encoding.UTF8.GetBytes(literal);
            if (typed && literalBytes.Length > 0)
            {
                steps.Add(new TypeStep(literalBytes, Echoed: true));
                typedSoFar.Append(literal);
            }

            Expect(steps, literalBytes);
            endsWithAction = false;
            afterOutput = false;
            afterTab = false;
            i += literal.Length;
        }

        return endsWithAction;
    }

    private static byte[] Action(string inside, int lineNumber)
    {
        if (inside.StartsWith("type ", StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetBytes(inside["type ".Length..]);
        }

        return TranscriptNotation.TryKey(inside, out var bytes)
            ? bytes
            : throw new TranscriptFormatException(lineNumber, $"unknown key `⟪{inside}⟫`");
    }

    private static void Expect(List<TranscriptStep> steps, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return;
        }

        if (steps.Count > 0 && steps[^1] is ExpectStep previous)
        {
            steps[^1] = new ExpectStep([.. previous.Bytes, .. bytes]);
            return;
        }

        steps.Add(new ExpectStep(bytes));
    }
}
