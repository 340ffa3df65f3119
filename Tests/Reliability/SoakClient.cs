using System.Globalization;

namespace VirtualFirewall.Tests.Reliability;

/// <summary>
/// One administrator of the soak: show commands, then a configuration change and a commit, in a loop
/// until told to stop. It owns the addresses `soak-{client}-0` to `-3` (nobody else touches them) and
/// remembers, for each, the state its own last successful commit made running.
/// </summary>
internal sealed class SoakClient
{
    private const int OwnAddresses = 4;

    private static readonly string[] ErrorMarkers = ["Invalid syntax", "Unknown command", "Server error", "Commit failed", "Validation Error", "error:"];

    private static readonly (string Command, string Expected)[] Shows =
    [
        ("show session info", "Number of sessions supported:"),
        ("show system info", "hostname: PA-VM"),
        ("show counter global", "Global counters:"),
        ("show session all", "Application    State"),
        ("show log traffic direction equal backward count equal 20", string.Empty),
        ("show clock", " UTC "),
    ];

    private readonly int _id;
    private readonly Dictionary<string, string?> _pending = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];

    public SoakClient(int id)
    {
        _id = id;
    }

    /// <summary>Each owned address as the client's last successful commit left it: its value, or null when deleted.</summary>
    public Dictionary<string, string?> Committed { get; } = new(StringComparer.Ordinal);

    public int Commands { get; private set; }

    public int Commits { get; private set; }

    public IReadOnlyList<string> Errors => _errors;

    public void Run(int port, CancellationToken stop)
    {
        try
        {
            using var shell = SshShell.Open(port);
            shell.Run("set cli pager off");
            for (var round = 0; !stop.IsCancellationRequested; round++)
            {
                var (command, expected) = Shows[(round + _id) % Shows.Length];
                Check(command, shell.Run(command), expected);
                if (round % 3 == 2)
                {
                    ChangeAndCommit(shell, round);
                }
            }
        }
        catch (Exception e) when (!stop.IsCancellationRequested || e is not OperationCanceledException)
        {
            _errors.Add($"client {_id}: {e.GetType().Name}: {e.Message}");
        }
    }

    private void ChangeAndCommit(SshShell shell, int round)
    {
        var name = $"soak-{_id}-{round % OwnAddresses}";
        shell.Run("configure", FirewallUnderTest.ConfigPrompt);

        // Mostly a new value; now and then an address that exists goes away.
        var current = _pending.TryGetValue(name, out var pending) ? pending : Committed.GetValueOrDefault(name);
        string? value = round % 7 == 0 && current is not null
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"10.{_id % 250}.{round % 250}.{(round / 250) % 250}/32");
        var command = value is null ? $"delete address {name}" : $"set address {name} ip-netmask {value}";
        Check(command, shell.Run(command, FirewallUnderTest.ConfigPrompt), string.Empty);

        _pending[name] = value;
        var commit = shell.Run("commit", FirewallUnderTest.ConfigPrompt);
        Commands += 3;
        if (commit.Contains("Configuration committed successfully", StringComparison.Ordinal)
            || commit.Contains("There are no changes to commit", StringComparison.Ordinal))
        {
            // Either this commit or another administrator's made the shared candidate running.
            Commits++;
            foreach (var (pendingName, pendingValue) in _pending)
            {
                Committed[pendingName] = pendingValue;
            }

            _pending.Clear();
        }
        else
        {
            _errors.Add($"client {_id}: commit: {commit}");
        }

        shell.Run("exit");
    }

    private void Check(string command, string output, string expected)
    {
        Commands++;
        if (ErrorMarkers.FirstOrDefault(m => output.Contains(m, StringComparison.Ordinal)) is { } marker)
        {
            _errors.Add($"client {_id}: `{command}` answered {marker}: {Tail(output)}");
        }
        else if (!output.Contains(expected, StringComparison.Ordinal))
        {
            _errors.Add($"client {_id}: `{command}` without `{expected}`: {Tail(output)}");
        }
    }

    private static string Tail(string text) => text.Length <= 300 ? text : text[^300..];
}
