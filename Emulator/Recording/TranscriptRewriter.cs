using System.Globalization;
using System.Text;

namespace VirtualFirewall.Emulator.Recording;

/// <summary>
/// Writes a transcript body from what a replay actually received, keeping the transcript's own typing
/// and clock moves: how goldens are updated, and how a recording becomes a transcript.
/// </summary>
public static class TranscriptRewriter
{
    /// <param name="header">The header text, separator included.</param>
    /// <param name="initialOutput">What the server sent before the first step.</param>
    /// <param name="steps">Every type and clock step, each with what the server sent in answer to it.</param>
    public static string Rewrite(string header, byte[] initialOutput, IReadOnlyList<(TranscriptStep Step, byte[] Output)> steps)
    {
        var text = new StringBuilder(header);
        var onInputLine = false;
        var lineTyped = new StringBuilder();
        Output(text, initialOutput, ref onInputLine);
        foreach (var (step, output) in steps)
        {
            var remaining = output.AsSpan();
            switch (step)
            {
                case AdvanceClockStep clock:
                    // A clock move is a line of its own: it goes above the partial line (a prompt) written so far.
                    var lineStart = text.Length == header.Length ? text.Length : LastLineStart(text);
                    text.Insert(lineStart, "⟪clock +" + clock.By.ToString("c", CultureInfo.InvariantCulture) + "⟫\n");
                    break;
                case TypeStep { Echoed: true } typed when MatchEcho(Encoding.UTF8.GetString(typed.Bytes), Encoding.UTF8.GetString(remaining), lineTyped) is { } echo:
                    text.Append(echo.Text);
                    remaining = remaining[Encoding.UTF8.GetByteCount(Encoding.UTF8.GetString(remaining)[..echo.Consumed])..];
                    onInputLine = true;
                    break;
                case TypeStep { Echoed: true } typed:
                    text.Append("⟪type ").Append(Encoding.UTF8.GetString(typed.Bytes)).Append('⟫');
                    onInputLine = true;
                    break;
                case TypeStep { Source.Length: 0 } when remaining.StartsWith("\r\n"u8):
                    // The implied Enter: its echo is the line end.
                    break;
                case TypeStep { Source.Length: 0 }:
                    text.Append("⟪enter⟫");
                    onInputLine = true;
                    break;
                case TypeStep action:
                    // A key pressed on an output line (the pager's) leaves plain text there as output.
                    onInputLine = Transcript.PromptPattern().IsMatch(text.ToString(LastLineStart(text), text.Length - LastLineStart(text)));
                    text.Append(action.Source);
                    break;
            }

            Output(text, remaining.ToArray(), ref onInputLine);
            if (step is TypeStep { Source: "⟪tab⟫" })
            {
                // Characters Tab completed on the line itself belong to it, up to any repaint.
                var sameLine = Encoding.UTF8.GetString(remaining);
                if (!sameLine.StartsWith("\r\n", StringComparison.Ordinal))
                {
                    lineTyped.Append(new string([.. sameLine.TakeWhile(ch => !char.IsControl(ch))]));
                }
            }
            else if (!onInputLine && step is not TypeStep { Source: "⟪type ?⟫" })
            {
                lineTyped.Clear();
            }
        }

        return text.ToString();
    }

    private const string Repaint = "\r\u001b[K";

    /// <summary>
    /// Matches the echo of typed text, with the repaint PAN-OS writes after each word outside scripting
    /// mode (`\r ESC[K` + prompt + line so far, contract C13). Returns the transcript text for it
    /// (typed text, and each repaint as `⟨CR ESC [ K⟩` + prompt + line) and how many characters of the
    /// output it covers; null when the output is not that echo.
    /// </summary>
    private static (string Text, int Consumed)? MatchEcho(string typed, string output, StringBuilder lineTyped)
    {
        var text = new StringBuilder();
        var at = 0;
        var typedAt = 0;
        var line = new StringBuilder(lineTyped.ToString());
        while (true)
        {
            if (output.AsSpan(at).StartsWith(Repaint, StringComparison.Ordinal)
                && Transcript.PromptPattern().Match(output[(at + Repaint.Length)..]) is { Success: true } prompt
                && output.AsSpan(at + Repaint.Length + prompt.Length).StartsWith(line.ToString(), StringComparison.Ordinal))
            {
                var repainted = prompt.Value + line;
                text.Append("⟨CR ESC [ K⟩").Append(repainted);
                at += Repaint.Length + repainted.Length;
                continue;
            }

            if (typedAt == typed.Length)
            {
                break;
            }

            if (at >= output.Length || output[at] != typed[typedAt])
            {
                return null;
            }

            text.Append(typed[typedAt]);
            line.Append(typed[typedAt]);
            at++;
            typedAt++;
        }

        lineTyped.Clear().Append(line);
        return (text.ToString(), at);
    }

    private static int LastLineStart(StringBuilder text)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (text[i] == '\n')
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static void Output(StringBuilder text, byte[] output, ref bool onInputLine)
    {
        var rest = output.AsSpan();
        if (onInputLine)
        {
            // Until the line ends, plain text here would read as typing: put it all in ⟨...⟩.
            var end = rest.IndexOf("\r\n"u8);
            var sameLine = end < 0 ? rest : rest[..end];
            if (!sameLine.IsEmpty)
            {
                text.Append(TranscriptNotation.OutputOpen)
                    .AppendJoin(' ', Encoding.UTF8.GetString(sameLine).Select(c => c switch
                    {
                        ' ' => "SP",
                        < ' ' or '\x7f' => TranscriptNotation.Render([(byte)c]).Trim(TranscriptNotation.OutputOpen, TranscriptNotation.OutputClose),
                        _ => c.ToString(),
                    }))
                    .Append(TranscriptNotation.OutputClose);
            }

            if (end < 0)
            {
                return;
            }

            text.Append('\n');
            onInputLine = false;
            rest = rest[(end + 2)..];
        }

        text.Append(TranscriptNotation.Render(rest));
    }
}
