using System.Globalization;
using System.Text;
using VirtualFirewall.Emulator.Terminal;
using VirtualFirewall.Engine.Rendering;

namespace VirtualFirewall.Emulator.Recording.Recorder;

/// <summary>
/// Turns one session, seen as the keys typed and what the shell sent after each, into a golden
/// transcript (transcripts/README.md, "Recording"). Pure: no clock, no files. Each key becomes one
/// step: a printable character on an input line is typing whose echo the transcript shows, anything
/// else is an action; the body is then written by <see cref="TranscriptRewriter"/>. Text typed at a
/// hidden password prompt is replaced by a placeholder (`password-1`, equal entries alike) and is
/// kept only until its Enter.
/// </summary>
public sealed class TranscriptBuilder
{
    private readonly TranscriptHeader _header;
    private readonly List<string> _comments;
    private readonly List<(TranscriptStep Step, byte[] Output)> _steps = [];
    private readonly List<byte> _output = [];
    private readonly StringBuilder _line = new();
    private readonly Dictionary<string, string> _placeholders = new(StringComparer.Ordinal);
    private byte[] _initial = [];
    private byte[] _carried = [];
    private bool _lineEndsWithAction;
    private StringBuilder? _secret;
    private (int Width, int Height)? _resizedTo;

    /// <param name="header">The header to write; its <see cref="TranscriptHeader.Transports"/> are not written.</param>
    /// <param name="comments">`#` lines for the top of the header, without the `# `.</param>
    public TranscriptBuilder(TranscriptHeader header, IEnumerable<string> comments)
    {
        _header = header;
        _comments = [.. comments];
    }

    /// <summary>What the shell sent at the start: the post-login lines and the first prompt.</summary>
    public void Started(ReadOnlySpan<byte> output)
    {
        _initial = [.. _initial, .. output];
        Track(output);
    }

    /// <summary>The device clock moved; a replay moves it here too.</summary>
    public void AdvanceClock(TimeSpan by)
    {
        if (by > TimeSpan.Zero)
        {
            _steps.Add((new AdvanceClockStep(by), []));
        }
    }

    /// <summary>The client reported a new window size: noted in the header, since the format cannot replay it.</summary>
    public void WindowChanged(int width, int height)
    {
        if ((width, height) != (_header.Width, _header.Height) || _resizedTo is not null)
        {
            _resizedTo = (width, height);
        }
    }

    /// <summary>One key, with everything the shell sent in answer to it.</summary>
    public void Typed(Key key, ReadOnlySpan<byte> output)
    {
        if (_secret is null && IsPasswordPrompt(_line.ToString()))
        {
            _secret = new StringBuilder();
        }

        if (_secret is not null && key.Kind != KeyKind.Interrupt)
        {
            TypedSecret(key, output);
            return;
        }

        _secret = null;
        var text = Encoding.UTF8.GetString(output);
        var inputLine = IsInputLine(_line.ToString());
        var bytes = KeyNotation.Bytes(key);
        var step = key.Kind switch
        {
            // `?` that lists help is not echoed; in an open quote it is plain typing.
            KeyKind.Character when inputLine && (key.Rune.Value != '?' || text.StartsWith('?')) => new TypeStep(bytes, Echoed: true),
            KeyKind.Enter when inputLine && !_lineEndsWithAction => new TypeStep(bytes, Echoed: false),
            _ => new TypeStep(bytes, Echoed: false, Source: KeyNotation.Action(key)),
        };
        Add(step, output);
    }

    /// <summary>The transcript: header, `---`, body. A check that it types and expects exactly what was recorded adds a `# warning:` line when it does not.</summary>
    public string Render()
    {
        var header = HeaderText(warning: null);
        var text = TranscriptRewriter.Rewrite(header, _initial, _steps);
        return Problem(text) is { } problem
            ? HeaderText(problem) + text[header.Length..]
            : text;
    }

    private void TypedSecret(Key key, ReadOnlySpan<byte> output)
    {
        var secret = _secret!;
        switch (key.Kind)
        {
            case KeyKind.Character:
                secret.Append(key.Rune.ToString());
                _carried = [.. _carried, .. output];
                return;
            case KeyKind.Backspace:
                if (secret.Length > 0)
                {
                    secret.Length -= char.IsLowSurrogate(secret[^1]) && secret.Length > 1 ? 2 : 1;
                }

                _carried = [.. _carried, .. output];
                return;
            case KeyKind.Enter:
                if (secret.Length > 0)
                {
                    var placeholder = Placeholder(secret.ToString());
                    Add(new TypeStep(Encoding.UTF8.GetBytes(placeholder), Echoed: false, Source: "⟪type " + placeholder + "⟫"), []);
                }

                secret.Clear();
                _secret = null;
                Add(new TypeStep(KeyNotation.Bytes(key), Echoed: false, Source: KeyNotation.Action(key)), output);
                return;
            default:
                // The password prompt ignores every other key: nothing to replay.
                _carried = [.. _carried, .. output];
                return;
        }
    }

    private string Placeholder(string secret)
    {
        if (!_placeholders.TryGetValue(secret, out var placeholder))
        {
            placeholder = string.Create(CultureInfo.InvariantCulture, $"password-{_placeholders.Count + 1}");
            _placeholders[secret] = placeholder;
        }

        return placeholder;
    }

    private void Add(TypeStep step, ReadOnlySpan<byte> output)
    {
        byte[] all = [.. _carried, .. output];
        _carried = [];
        _steps.Add((step, all));

        // A key that sent nothing is written as an action, and after one the parser wants `⟪enter⟫`,
        // not the implied Enter.
        _lineEndsWithAction = all.Length == 0;
        Track(all);
    }

    private void Track(ReadOnlySpan<byte> output)
    {
        _output.AddRange(output);
        var text = Encoding.UTF8.GetString(output);
        var end = text.LastIndexOf("\r\n", StringComparison.Ordinal);
        if (end >= 0)
        {
            _line.Clear();
            text = text[(end + 2)..];
        }

        _line.Append(text);
    }

    /// <summary>True when the parser reads the current line as input: it starts with a prompt, or one follows an erase (the pager's end).</summary>
    private static bool IsInputLine(string line)
    {
        if (Transcript.PromptPattern().IsMatch(line))
        {
            return true;
        }

        const string Erase = "\r\u001b[K";
        for (var at = line.IndexOf(Erase, StringComparison.Ordinal); at >= 0; at = line.IndexOf(Erase, at + 1, StringComparison.Ordinal))
        {
            if (Transcript.PromptPattern().IsMatch(line[(at + Erase.Length)..]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPasswordPrompt(string line) =>
        string.Equals(line, Messages.EnterPassword, StringComparison.Ordinal)
        || string.Equals(line, Messages.ConfirmPassword, StringComparison.Ordinal);

    private string HeaderText(string? warning)
    {
        var text = new StringBuilder();
        foreach (var comment in _comments)
        {
            text.Append("# ").Append(comment).Append('\n');
        }

        if (_placeholders.Count > 0)
        {
            text.Append("# Passwords typed at hidden prompts are written as placeholders (equal entries alike).\n");
        }

        if (_resizedTo is { } size)
        {
            text.Append(CultureInfo.InvariantCulture, $"# The window changed to {size.Width}x{size.Height} during the session; a replay keeps the size below.\n");
        }

        if (warning is not null)
        {
            text.Append("# warning: ").Append(warning).Append('\n');
        }

        text.Append("device: ").Append(_header.Device).Append('\n');
        if (_header.Hostname is { } hostname)
        {
            text.Append("hostname: ").Append(hostname).Append('\n');
        }

        if (_header.SwVersion is { } version)
        {
            text.Append("sw-version: ").Append(version).Append('\n');
        }

        if (_header.HaState is { } haState)
        {
            text.Append("ha-state: ").Append(haState).Append('\n');
        }

        text.Append("boot: ").Append(Instant(_header.Boot)).Append('\n');
        text.Append("clock: ").Append(Instant(_header.Clock)).Append('\n');
        text.Append("user: ").Append(_header.User).Append('\n');
        text.Append("from: ").Append(_header.From).Append('\n');
        if (_header.LastLogin is { } last)
        {
            text.Append("last-login: ").Append(Instant(last)).Append(" from ").Append(_header.LastLoginFrom).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"terminal: {_header.Width}x{_header.Height}\n");
        return text.Append(Transcript.Separator).Append('\n').ToString();
    }

    /// <summary>ISO 8601 in UTC, with the fraction of a second only when there is one.</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Why the written transcript would not replay what was recorded, or null.</summary>
    private string? Problem(string text)
    {
        Transcript parsed;
        try
        {
            parsed = Transcript.Parse(text);
        }
        catch (TranscriptFormatException e)
        {
            return "it does not parse: " + e.Message;
        }

        if (!parsed.ExpectedOutput().AsSpan().SequenceEqual(_output.ToArray()))
        {
            return "its expected output differs from what was sent";
        }

        return Typing(parsed.Steps).SequenceEqual(Typing(_steps.Select(s => s.Step)))
            ? null
            : "it types differently from the session";
    }

    /// <summary>The bytes typed, each Enter tagged with the clock it runs at.</summary>
    private static List<(byte Byte, TimeSpan Clock)> Typing(IEnumerable<TranscriptStep> steps)
    {
        var typing = new List<(byte, TimeSpan)>();
        var clock = TimeSpan.Zero;
        foreach (var step in steps)
        {
            switch (step)
            {
                case AdvanceClockStep advance:
                    clock += advance.By;
                    break;
                case TypeStep typed:
                    typing.AddRange(typed.Bytes.Select(b => (b, b == (byte)'\r' ? clock : TimeSpan.Zero)));
                    break;
            }
        }

        return typing;
    }
}
