using System.Globalization;
using System.Text.RegularExpressions;
using NLog;
using VirtualFirewall.Emulator.Shell;
using VirtualFirewall.Emulator.Terminal;
using VirtualFirewall.Engine;

namespace VirtualFirewall.Emulator.Recording.Recorder;

/// <summary>
/// Records one interactive session as a golden transcript. The host hands it the shell's keys or
/// bytes instead of the shell; it feeds the shell one key at a time so each key's answer is known,
/// notes the device clock before each Enter, and on <see cref="Complete"/> (session end, however it
/// ends) writes the file. Thread-safe; every method after <see cref="Complete"/> is still safe.
/// </summary>
public sealed partial class SessionRecorder
{
    private static readonly Logger Log = LogManager.GetCurrentClassLogger();

    private readonly Lock _gate = new();
    private readonly TranscriptRecorderOptions _options;
    private readonly Device _device;
    private readonly CliShell _shell;
    private readonly string _transport;
    private readonly KeyDecoder _decoder = new();
    private readonly List<Key> _keys = [];
    private readonly Key[] _one = new Key[1];
    private readonly List<byte> _pending = [];
    private readonly DateTimeOffset _loginAt;
    private readonly int _width;
    private readonly int _height;
    private TranscriptBuilder? _builder;
    private DateTimeOffset _clock;
    private bool _completed;

    /// <summary>Call after the login and the first <see cref="CliShell.Resize"/>, before the shell starts.</summary>
    /// <param name="options">Where and how to record.</param>
    /// <param name="device">The device the session runs on (its clock, boot time and identity).</param>
    /// <param name="shell">The session's shell, not started yet.</param>
    /// <param name="transport">`ssh` or `telnet`: part of the file name.</param>
    public SessionRecorder(TranscriptRecorderOptions options, Device device, CliShell shell, string transport)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(shell);
        _options = options;
        _device = device;
        _shell = shell;
        _transport = transport;
        _loginAt = shell.Session.StartedAt;
        _clock = _loginAt;
        _width = shell.Session.Settings.TerminalWidth;
        _height = shell.Session.Settings.TerminalHeight;
    }

    /// <summary>The transcript written by <see cref="Complete"/>, once it has been.</summary>
    public string? WrittenPath { get; private set; }

    /// <summary>Starts the shell with the post-login lines (<see cref="CliShell.Start"/>) and records them.</summary>
    public void Start(string banner)
    {
        ArgumentNullException.ThrowIfNull(banner);
        lock (_gate)
        {
            _builder = new TranscriptBuilder(Header(banner), Comments(banner));
            _shell.Start(banner);
            var output = _shell.TakeOutput();
            _builder.Started(output);
            _pending.AddRange(output);
        }
    }

    /// <summary>Bytes from the client, decoded here as the shell would decode them.</summary>
    public void Feed(ReadOnlySpan<byte> input)
    {
        lock (_gate)
        {
            _keys.Clear();
            _decoder.Decode(input, _keys);
            FeedLocked(_keys);
        }
    }

    /// <summary>Keys already decoded by the host (Telnet shares its decoder with the login dialog).</summary>
    public void Feed(IEnumerable<Key> keys)
    {
        lock (_gate)
        {
            FeedLocked([.. keys]);
        }
    }

    /// <summary>What the shell sent since the last call: the host sends this instead of <see cref="CliShell.TakeOutput"/>.</summary>
    public byte[] TakeOutput()
    {
        lock (_gate)
        {
            _pending.AddRange(_shell.TakeOutput());
            byte[] output = [.. _pending];
            _pending.Clear();
            return output;
        }
    }

    /// <summary>The client's window changed (the host resizes the shell itself).</summary>
    public void WindowChanged(int columns, int rows)
    {
        lock (_gate)
        {
            _builder?.WindowChanged(columns, rows);
        }
    }

    /// <summary>
    /// Writes the transcript, once: call it when the session ends, by `exit` or by a dropped connection.
    /// Returns the file, or null when nothing was written (never started, or the write failed: logged).
    /// </summary>
    public string? Complete()
    {
        lock (_gate)
        {
            if (_completed)
            {
                return WrittenPath;
            }

            _completed = true;
            if (_builder is null)
            {
                return null;
            }

            var text = _builder.Render();
            _builder = null;
            try
            {
                WrittenPath = TranscriptFiles.Write(_options.Directory, FileStem(), text);
                Log.Info("{0} session of {1}: transcript {2}", _transport, LogTextPrintable(_shell.Session.User), WrittenPath);
                if (text.Contains("\n# warning: ", StringComparison.Ordinal) || text.StartsWith("# warning: ", StringComparison.Ordinal))
                {
                    Log.Warn("transcript {0} may not replay as recorded: see its header", WrittenPath);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Log.Error("{0} session of {1}: could not write its transcript to {2}: {3}", _transport, LogTextPrintable(_shell.Session.User), _options.Directory, e.Message);
            }

            return WrittenPath;
        }
    }

    private void FeedLocked(IReadOnlyList<Key> keys)
    {
        foreach (var key in keys)
        {
            if (_shell.IsClosed || _builder is null)
            {
                return;
            }

            if (key.Kind == KeyKind.Enter)
            {
                // Only Enter runs anything, so the clock is noted there; the rewriter puts the move above the line.
                var now = _device.Clock.UtcNow;
                if (now > _clock)
                {
                    _builder.AdvanceClock(now - _clock);
                    _clock = now;
                }
            }

            _one[0] = key;
            _shell.Feed(_one);
            var output = _shell.TakeOutput();
            _builder.Typed(key, output);
            _pending.AddRange(output);
        }
    }

    private TranscriptHeader Header(string banner)
    {
        var session = _shell.Session;
        var header = new TranscriptHeader
        {
            Device = _options.DeviceName,
            SwVersion = _device.Identity.SwVersion,
            Hostname = string.Equals(_device.Identity.Hostname, "PA-VM", StringComparison.Ordinal) ? null : _device.Identity.Hostname,
            HaState = _device.Identity.HaState,
            Boot = _device.BootTime,
            Clock = _loginAt,
            User = session.User,
            From = session.From,
            Width = _width,
            Height = _height,
        };
        return LastLogin(banner) is { } last
            ? header with { LastLogin = last.At, LastLoginFrom = last.From }
            : header;
    }

    /// <summary>
    /// The previous login, read back from the banner (the device keeps no other copy once this login
    /// replaced it). The banner shows it to the second in the device's zone, which is all a replay needs.
    /// </summary>
    private (DateTimeOffset At, string From)? LastLogin(string banner)
    {
        var match = LastLoginLine().Match(banner);
        if (!match.Success
            || !DateTime.TryParseExact(match.Groups["at"].Value.Replace("  ", " ", StringComparison.Ordinal), "ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var zoneId = _device.Identity.TimeZone;
        var zone = string.Equals(zoneId, "UTC", StringComparison.Ordinal) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        return (new DateTimeOffset(utc, TimeSpan.Zero), match.Groups["from"].Value);
    }

    private List<string> Comments(string banner)
    {
        var recordedAt = TranscriptBuilder.Instant(_options.WallClock.GetUtcNow());
        var comments = new List<string> { $"Recorded by VirtualFirewall from a {_transport} session at {recordedAt}." };
        var failed = FailedAttemptsLine().Match(banner);
        if (failed.Success && !string.Equals(failed.Groups["count"].Value, "0", StringComparison.Ordinal))
        {
            comments.Add($"warning: the login reported {failed.Groups["count"].Value} failed attempts; a replay reports 0.");
        }

        return comments;
    }

    private string FileStem()
    {
        var user = new string([.. _shell.Session.User.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_')]);
        return string.Create(CultureInfo.InvariantCulture, $"{_loginAt.UtcDateTime:yyyyMMdd-HHmmss}-{user}-{_transport}");
    }

    private static string LogTextPrintable(string text) => Hosting.LogText.Printable(text);

    [GeneratedRegex(@"^Last login: (?<at>.+) from (?<from>\S+)$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex LastLoginLine();

    [GeneratedRegex(@"failed attempts since last successful login: (?<count>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex FailedAttemptsLine();
}
