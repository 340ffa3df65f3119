using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using VirtualFirewall.Emulator.Persistence;

namespace VirtualFirewall.Tests.Hosting;

/// <summary>
/// `--state-dir`: the emulator killed with SIGKILL at random moments around 100 commits comes back with
/// the last configuration whose commit it reported (or, killed mid-commit, the one about to be
/// reported), never a broken one.
/// </summary>
[TestFixture]
public sealed partial class StateDirectoryTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [GeneratedRegex(@"admin@([\w.-]+)> $")]
    private static partial Regex OperationalPrompt();

    [Test]
    public async Task Commits_survive_kill_9_at_random_moments()
    {
        var state = Directory.CreateTempSubdirectory("vf-state-");
        var random = new Random(20261127);
        var committed = "PA-VM";
        try
        {
            for (var round = 0; round < 100; round++)
            {
                using var process = Start(state.FullName);
                try
                {
                    var port = await TelnetPortAsync(process);
                    await using var client = await TelnetTestClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
                    var hostname = await LogInAsync(client);
                    Assert.That(hostname, Is.EqualTo(committed), $"round {round}: the hostname after restart");

                    var next = "fw-" + round.ToString(CultureInfo.InvariantCulture);
                    await client.SendAsync($"set cli scripting-mode on\rconfigure\rset deviceconfig system hostname {next}\rcommit\r");
                    if (random.Next(2) == 0)
                    {
                        Assert.That(await client.WaitForTextAsync("Configuration committed successfully", Wait), Is.True, client.ReceivedText);
                        committed = next;
                        process.Kill();
                    }
                    else
                    {
                        await Task.Delay(random.Next(0, 40));
                        process.Kill();
                        await process.WaitForExitAsync();
                        // Killed around the commit: either outcome is a whole configuration.
                        committed = client.ReceivedText.Contains("Configuration committed successfully", StringComparison.Ordinal) ? next : await HostnameAfterRestartAsync(state.FullName, committed, next);
                    }

                    await process.WaitForExitAsync();
                }
                finally
                {
                    if (!process.HasExited)
                    {
                        process.Kill(entireProcessTree: true);
                    }
                }

                // A kill during a write may leave a temporary file (the next start removes it), never another file.
                Assert.That(Directory.GetFiles(state.FullName).Select(Path.GetFileName).Where(n => !n!.EndsWith(".tmp", StringComparison.Ordinal)), Is.EqualTo(new[] { RunningConfigFile.FileName }).Or.Empty);
            }
        }
        finally
        {
            state.Delete(recursive: true);
        }
    }

    [Test]
    public async Task A_damaged_configuration_file_stops_the_start_with_a_reason()
    {
        var state = Directory.CreateTempSubdirectory("vf-state-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(state.FullName, RunningConfigFile.FileName), "<config><devices>");
            using var process = Start(state.FullName);
            var error = await process.StandardError.ReadToEndAsync().WaitAsync(Wait);
            await process.WaitForExitAsync().WaitAsync(Wait);

            Assert.That(process.ExitCode, Is.EqualTo(1));
            Assert.That(error, Does.Contain("running-config.xml: not a readable configuration").And.Not.Contain("   at "));
        }
        finally
        {
            state.Delete(recursive: true);
        }
    }

    private static async Task<string> HostnameAfterRestartAsync(string state, string before, string after)
    {
        using var process = Start(state);
        try
        {
            var port = await TelnetPortAsync(process);
            await using var client = await TelnetTestClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
            var hostname = await LogInAsync(client);
            Assert.That(hostname, Is.AnyOf(before, after));
            return hostname;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static Process Start(string state)
    {
        var dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "VirtualFirewall.Emulator.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "--telnet-port", "0", "--no-ssh", "--state-dir", state })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static async Task<int> TelnetPortAsync(Process process)
    {
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(Wait) ?? string.Empty;
        Assert.That(line, Does.StartWith("telnet listening on 127.0.0.1:"));
        return int.Parse(line[(line.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
    }

    private static async Task<string> LogInAsync(TelnetTestClient client)
    {
        Assert.That(await client.WaitForTextAsync("login: ", Wait), Is.True);
        await client.SendAsync("admin\r\n");
        Assert.That(await client.WaitForTextAsync("Password: ", Wait), Is.True);
        await client.SendAsync("admin\r\n");
        Assert.That(await client.WaitForAsync(bytes => OperationalPrompt().IsMatch(System.Text.Encoding.UTF8.GetString(bytes)), Wait), Is.True, client.ReceivedText);
        return OperationalPrompt().Match(client.ReceivedText).Groups[1].Value;
    }
}
