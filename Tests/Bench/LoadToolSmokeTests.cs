using System.Globalization;
using System.Text.Json;
using VirtualFirewall.Tests.Interop;
using VirtualFirewall.Tests.Ssh.Interop;

namespace VirtualFirewall.Tests.Bench;

/// <summary>
/// bench/loadtool.py (Debian's python3 with asyncssh, several worker processes) runs for a few
/// seconds at small scale against the emulator's SSH host and reports sensible fields. Speed is not checked.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class LoadToolSmokeTests
{
    // Runs the tool's main() from its file with the arguments after -c.
    private const string Runner = "import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')";

    [Test]
    [CancelAfter(180_000)]
    public async Task Full_sessions_and_command_round_trips_complete_without_errors()
    {
        DebianPython.Require("asyncssh");
        await using var server = SshTestServer.Start();
        var tool = Path.Combine(RepositoryPaths.Root, "bench", "loadtool.py");
        var port = server.Port.ToString(CultureInfo.InvariantCulture);
        var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

        var (exitCode, output, error) = await PythonProcess.RunAsync(
            Runner,
            [tool, "--port", port, "--server-pid", pid, "--label", "smoke", "--measure", "sessions,commands",
             "--concurrency", "2", "--count", "5", "--command-count", "20", "--sessions", "4", "--workers", "2", "--duration", "20", "--timeout", "20",
             "--json", "-"],
            TimeSpan.FromSeconds(150));

        Assert.That(exitCode, Is.Zero, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var sessions = root.GetProperty("sessions")[0];
        var commands = root.GetProperty("commands");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.GetProperty("ok").GetBoolean(), Is.True, output);
            Assert.That(sessions.GetProperty("concurrency").GetInt32(), Is.EqualTo(2));
            Assert.That(sessions.GetProperty("completed").GetInt32(), Is.GreaterThanOrEqualTo(5), output);
            Assert.That(sessions.GetProperty("failed").GetInt32(), Is.Zero, output);
            Assert.That(sessions.GetProperty("sessions_per_s").GetDouble(), Is.GreaterThan(0));
            Assert.That(sessions.GetProperty("p50_ms").GetDouble(), Is.GreaterThan(0));
            Assert.That(sessions.GetProperty("p99_ms").GetDouble(), Is.GreaterThanOrEqualTo(sessions.GetProperty("p50_ms").GetDouble()));
            Assert.That(sessions.GetProperty("server_cpu_ms_per_session").GetDouble(), Is.GreaterThan(0));
            Assert.That(sessions.GetProperty("errors").GetArrayLength(), Is.Zero, output);
            Assert.That(commands.GetProperty("opened").GetInt32(), Is.EqualTo(4), output);
            Assert.That(commands.GetProperty("completed").GetInt32(), Is.GreaterThanOrEqualTo(20), output);
            Assert.That(commands.GetProperty("failed").GetInt32(), Is.Zero, output);
            Assert.That(commands.GetProperty("commands_per_s").GetDouble(), Is.GreaterThan(0));
            Assert.That(commands.GetProperty("p99_ms").GetDouble(), Is.GreaterThan(0));
            Assert.That(commands.GetProperty("errors").GetArrayLength(), Is.Zero, output);
            Assert.That(error, Does.Contain("sessions  c=2"));
        }
    }
}
