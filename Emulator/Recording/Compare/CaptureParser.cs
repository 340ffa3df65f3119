using System.Text;
using System.Text.RegularExpressions;

namespace VirtualFirewall.Emulator.Recording.Compare;

/// <summary>
/// Splits a plain capture of a firewall session (a <c>script</c> or PuTTY log, netmiko's
/// <c>session_log</c>) into commands and their output. The text is first normalised as
/// <see cref="TerminalText"/> describes. A line that starts with a PAN-OS prompt of the capture's user
/// (<c>admin@PA-VM&gt; show clock</c>, <c>admin@fw01(active)# </c>) is a command; every line after it up
/// to the next prompt line is its output, including configuration mode's <c>[edit]</c> line. Lines
/// before the first prompt (login banner) are ignored; a last prompt with nothing typed and nothing
/// after it is the capture's end, not a command.
/// </summary>
public static partial class CaptureParser
{
    /// <summary>Parses a capture.</summary>
    /// <param name="text">The capture as the logger wrote it.</param>
    /// <returns>The first prompt and the commands.</returns>
    /// <exception cref="CaptureFormatException">The capture is empty, has no prompt, or no command.</exception>
    public static Capture Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CaptureFormatException("the capture is empty");
        }

        var (first, steps) = Split(text);
        if (first is null)
        {
            throw new CaptureFormatException("no PAN-OS prompt (such as `admin@PA-VM> show clock`) at the start of any line of the capture");
        }

        if (steps.Count == 0)
        {
            throw new CaptureFormatException("the capture holds no command: only a prompt with nothing typed after it");
        }

        return new Capture(first, steps);
    }

    /// <summary>A prompt at the start of <paramref name="line"/>, and the text typed after it.</summary>
    /// <param name="line">One screen line.</param>
    /// <param name="prompt">The prompt, when the line starts with one.</param>
    /// <param name="command">The text after the prompt's one space; empty when nothing was typed.</param>
    /// <returns>True when the line starts with a prompt.</returns>
    public static bool TryParsePrompt(string line, out CapturePrompt? prompt, out string command)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = PromptPattern().Match(line);
        if (!match.Success)
        {
            prompt = null;
            command = string.Empty;
            return false;
        }

        var ha = match.Groups["ha"];
        prompt = new CapturePrompt(match.Groups["user"].Value, match.Groups["host"].Value, ha.Success ? ha.Value : null, match.Groups["mode"].Value[0]);
        command = match.Groups["command"].Value;
        return true;
    }

    /// <summary>The first prompt (null when there is none) and the commands, without judging whether they are enough.</summary>
    internal static (CapturePrompt? First, List<CaptureStep> Steps) Split(string text)
    {
        var lines = TerminalText.Lines(text);
        var steps = new List<CaptureStep>();
        CapturePrompt? first = null;
        (int Index, CapturePrompt Prompt, string Command)? open = null;
        for (var i = 0; i <= lines.Count; i++)
        {
            CapturePrompt? prompt = null;
            var command = string.Empty;
            var isPrompt = i < lines.Count && TryParsePrompt(lines[i].Text, out prompt, out command)
                && (first is null || string.Equals(prompt!.User, first.User, StringComparison.Ordinal));
            if (!isPrompt && i < lines.Count)
            {
                continue;
            }

            if (open is { } step)
            {
                var output = Output(lines, step.Index + 1, i);
                var last = i == lines.Count;
                if (lines[step.Index].Terminated && !(last && step.Command.Length == 0 && output.Length == 0))
                {
                    var input = lines[step.Index];
                    steps.Add(new CaptureStep(input.Number, input.Text, step.Prompt, step.Command, output));
                }
            }

            if (prompt is not null)
            {
                first ??= prompt;
                open = (i, prompt, command);
            }
        }

        return (first, steps);
    }

    private static string Output(List<(string Text, int Number, bool Terminated)> lines, int from, int to)
    {
        var output = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            output.Append(lines[i].Text);
            if (lines[i].Terminated)
            {
                output.Append('\n');
            }
        }

        return output.ToString();
    }

    [GeneratedRegex(@"^(?<user>[\w.\-]+)@(?<host>[\w.\-]+)(?:\((?<ha>[\w\-]+)\))?(?<mode>[>#])(?: (?<command>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex PromptPattern();
}
