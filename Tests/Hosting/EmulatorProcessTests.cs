using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace VirtualFirewall.Tests.Hosting;

/// <summary>The executable as a user starts it: one line per listener, a working login, a clean stop on SIGTERM.</summary>
[TestFixture]
public sealed partial class EmulatorProcessTests
{
    [GeneratedRegex(@"^telnet listening on 127\.0\.0\.1:(\d+)$")]
    private static partial Regex ListeningLine();

    [Test]
    public async Task PrintsItsListenersServesTelnetAndStopsOnSigterm()
    {
        var dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "VirtualFirewall.Emulator.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var keys = Directory.CreateTempSubdirectory("vf-keys-");
        foreach (var argument in new[] { dll, "--telnet-port", "0", "--ssh-port", "0", "--host-key-dir", keys.FullName })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        try
        {
            var sshLine = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.That(sshLine, Does.Match(@"^ssh listening on 127\.0\.0\.1:\d+$"));
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var match = ListeningLine().Match(line ?? string.Empty);
            Assert.That(match.Success, Is.True, $"first line: {line}");

            var port = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            await using (var client = await TelnetTestClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port)))
            {
                Assert.That(await client.WaitForTextAsync("login: ", TimeSpan.FromSeconds(10)), Is.True);
            }

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.That(process.ExitCode, Is.EqualTo(0));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            keys.Delete(recursive: true);
        }
    }
}
